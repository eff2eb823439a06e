"""The suite's hang watchdog (tests/conftest.py): a hung test fails with the stacks, and the rest run.

Run in an inner pytest on an xdist worker, as the suite runs, with the limit cut to 2 seconds.
"""

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")

HANGS = """
import select, socket, subprocess, time

def test_sleeps():
    time.sleep(120)

def test_waits_on_a_socket_for_ever():
    ours, other_end = socket.socketpair()  # nothing is ever sent
    select.select([ours], [], [])

def test_waits_for_a_child():
    subprocess.Popen(["sleep", "120"]).wait()

def test_after_the_hangs():
    pass
"""


def test_a_hung_test_fails_with_the_stacks_and_the_suite_goes_on(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "test_hangs.py").write_text(HANGS, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-n",
            "1",
            "-p",
            "no:nbval",
            "-p",
            "no:hypothesispytest",
            "-rf",
        ],
        cwd=tmp_path,
        env={**os.environ, "KIT_TEST_HUNG_AFTER_S": "2", "COLUMNS": "400"},  # summary lines whole
        capture_output=True,
        text=True,
        timeout=100,
    )
    out = done.stdout
    assert "3 failed, 1 passed" in out, out
    for name in ("test_sleeps", "test_waits_on_a_socket_for_ever", "test_waits_for_a_child"):
        assert f"FAILED test_hangs.py::{name} - conftest.HungTestError: still running after 2 s" in out, out
    assert "(most recent call first)" in out  # every thread's stack, in the failure's report
