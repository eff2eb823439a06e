"""Test-wide set-up: prove the kit works offline, and keep tests from leaking figures.

Before anything imports TextBlob or NLTK, NLTK_DATA points at an empty folder, so
any code path that needs a downloaded corpus fails here rather than in a
classroom. The notebook kernels that nbval starts inherit the same setting. An
audit hook fails any attempt by the test process to resolve or connect to a
host other than this machine.
"""

from __future__ import annotations

import ipaddress
import os
import sys
import tempfile

import pytest
from hypothesis import settings

os.environ["NLTK_DATA"] = tempfile.mkdtemp(prefix="kit-empty-nltk-data-")


# Property-based tests draw the same examples on every machine and keep no example database:
# the suite's result depends only on the code under test.
settings.register_profile("kit", derandomize=True, database=None)
settings.load_profile("kit")


class NetworkAccessError(RuntimeError):
    """Raised when a test tries to reach a host other than this machine."""


def _is_local(host: object) -> bool:
    if host in (None, "", "localhost") or not isinstance(host, str | bytes):
        return True
    host = host.decode() if isinstance(host, bytes) else host
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _offline_guard(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo" and not _is_local(args[0]):
        raise NetworkAccessError(f"tests run offline: looking up {args[0]!r} is not allowed")
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _is_local(address[0]):
            raise NetworkAccessError(f"tests run offline: connecting to {address[0]!r} is not allowed")


sys.addaudithook(_offline_guard)


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test opened."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def pytest_configure(config: pytest.Config) -> None:
    import matplotlib

    matplotlib.use("Agg")  # in-process only; kernels choose their own backend
