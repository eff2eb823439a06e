"""A class on one server: a real JupyterHub, three students, each in a folder of their own.

The test starts JupyterHub on 127.0.0.1 as an instructor would (tests/hub.py: dummy
authenticator, a local spawner with a home folder per student holding a copy of the lessons,
the Python configurable-http-proxy), creates three students through the Hub's REST API,
and has each one start their own server with their own token, run the first lesson and
save an answer in a work file, as a lesson's widget does. It then checks that each work
file holds that student's answer and lies in that student's folder only, and that one
student's token opens no door to another student's server. The Hub, the proxy, the servers
and their kernels are stopped at the end.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from hub import (
    add_student,
    code_cells,
    environment_ok,
    kernel_count,
    open_session,
    request,
    run_cells,
    running_hub,
    server_processes,
    start_server,
)

STUDENTS = ("aiko", "ben", "chidi")
LESSON = "00_start_here.ipynb"


def save_answer(student: str) -> str:
    """Return the code a widget runs to save ``student``'s answer in the 'prediction' work file."""
    return f'import kit.store\nkit.store.open_work("prediction").set("q1", "answer of {student}")'


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """Start a Hub, three students and their servers; yield the Hub and each student's token and server."""
    if not environment_ok():
        pytest.fail(
            "JupyterHub or configurable-http-proxy is missing: run the README's set-up", pytrace=False
        )
    with running_hub(tmp_path_factory.mktemp("hub")) as hub:
        tokens = {name: add_student(hub, name) for name in STUDENTS}
        # The three servers start at once, as a class's do; each waits on the Hub, not on the others.
        with ThreadPoolExecutor(len(STUDENTS)) as pool:
            servers = pool.map(lambda name: start_server(hub, name, tokens[name]), STUDENTS)
            students = {name: (tokens[name], server) for name, server in zip(STUDENTS, servers, strict=True)}
        yield hub, students


@pytest.mark.parametrize("student", STUDENTS)
def test_a_student_runs_a_lesson_and_saves_an_answer_on_their_own_server(classroom, student):
    hub, students = classroom
    token, server = students[student]
    kernel = open_session(server, token, LESSON)
    assert run_cells(server, token, kernel, [*code_cells(LESSON), save_answer(student)]) == []
    work = hub.home(student) / "notebooks" / "prediction.work.json"
    assert json.loads(work.read_text(encoding="utf-8"))["answers"] == {"q1": f"answer of {student}"}
    # Their server and their kernel run as processes of their own, in their own folder.
    processes = server_processes(student)
    assert kernel_count(processes) == 1
    assert {p.cwd() for p in processes} == {str(hub.home(student)), str(hub.home(student) / "notebooks")}


def test_each_work_file_lies_in_its_students_folder_only(classroom):
    hub, students = classroom
    for student in STUDENTS:
        token, server = students[student]
        kernel = open_session(server, token, LESSON)
        assert run_cells(server, token, kernel, [save_answer(student)]) == []
    found = sorted(str(p.relative_to(hub.folder)) for p in hub.folder.rglob("*.work.json"))
    assert found == [f"home/{s}/notebooks/prediction.work.json" for s in STUDENTS]


@pytest.mark.parametrize(("student", "other"), [("aiko", "ben"), ("ben", "chidi"), ("chidi", "aiko")])
def test_a_students_token_cannot_reach_another_students_server(classroom, student, other):
    hub, students = classroom
    token, _ = students[student]
    _, other_server = students[other]
    # Their own server answers their token; the other student's refuses it, files and kernels alike.
    assert request(f"{students[student][1]}/api/contents/notebooks", token)[0] == 200
    assert request(f"{other_server}/api/contents/notebooks", token)[0] == 403
    assert request(f"{other_server}/api/kernels", token)[0] == 403
    assert (
        request(f"{other_server}/api/contents/notebooks/x.ipynb", token, "PUT", {"type": "notebook"})[0]
        == 403
    )
    # Nor can they stop the other's server or make a token in their name through the Hub.
    assert request(f"{hub.url}/hub/api/users/{other}/server", token, "DELETE")[0] == 404
    assert request(f"{hub.url}/hub/api/users/{other}/tokens", token, "POST", {})[0] == 403
