"""A real JupyterHub on 127.0.0.1 for a class of simulated students (tests and benchmarks share it).

The Hub runs with what the README's set-up installs: JupyterHub, its dummy authenticator
(any password), a local spawner that gives each student a home folder of their own under
a temporary folder with a copy of the lessons in it (as an nbgitpuller link would), and
the Python configurable-http-proxy. Each student gets a token through the Hub's REST API
and starts their own single-user server, then runs a lesson the way JupyterLab does: a
session for the notebook (so the kernel runs in the notebook's folder) and its cells sent
as execute requests over the kernel's websocket.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil
import websocket

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
START_TIMEOUT_S = 120  # a single-user server on 2 busy cores can take a while
CELL_TIMEOUT_S = 120

# The Hub's configuration; {placeholders} are filled by write_config.
CONFIG = """\
import shutil
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner


class ClassroomSpawner(SimpleLocalProcessSpawner):
    '''A local process per student, in a home folder of their own that holds a copy of the lessons.'''

    async def start(self):
        lessons = Path(self.home_dir) / "notebooks"
        if not lessons.exists():
            shutil.copytree({notebooks!r}, lessons, ignore=shutil.ignore_patterns("*.work.json", ".*"))
        return await super().start()


c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///{folder}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{folder}/cookie_secret"
c.JupyterHub.pid_file = "{folder}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = ClassroomSpawner
c.SimpleLocalProcessSpawner.home_dir_template = "{folder}/home/{{username}}"
c.Spawner.cmd = [{python!r}, "-m", "jupyterhub.singleuser"]
c.Spawner.args = ["--allow-root", "--ServerApp.port_retries=0"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = {start_timeout}
c.Spawner.http_timeout = {start_timeout}
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "LANG", "LC_ALL", "NLTK_DATA", "VIRTUAL_ENV"]
c.JupyterHub.concurrent_spawn_limit = 0
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.services = [{{"name": "classroom", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "classroom", "scopes": ["admin:users", "admin:servers", "tokens"],
                             "services": ["classroom"]}}]
"""


@dataclass(frozen=True)
class Hub:
    """A running JupyterHub: its public address, its folder and the admin service's token."""

    url: str
    folder: Path
    token: str
    process: subprocess.Popen

    def home(self, student: str) -> Path:
        """Return the home folder of ``student``."""
        return self.folder / "home" / student


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proxy_command() -> str:
    """Return the path of the configurable-http-proxy command installed beside this Python."""
    found = Path(sys.executable).with_name("configurable-http-proxy")
    return str(found) if found.exists() else shutil.which("configurable-http-proxy") or str(found)


def write_config(folder: Path, token: str) -> tuple[Path, int]:
    """Write the Hub's configuration into ``folder``; return its path and the Hub's public port."""
    port = free_port()
    config = CONFIG.format(
        notebooks=str(NOTEBOOKS),
        port=port,
        hub_port=free_port(),
        proxy_api_port=free_port(),
        folder=folder,
        python=sys.executable,
        proxy=proxy_command(),
        token=token,
        start_timeout=START_TIMEOUT_S,
    )
    path = folder / "jupyterhub_config.py"
    path.write_text(config, encoding="utf-8")
    return path, port


def request(url: str, token: str, method: str = "GET", body: dict | None = None) -> tuple[int, dict | str]:
    """Send one request with ``token``; return the status and the decoded answer (4xx included)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"token {token}"})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect())
    try:
        with opener.open(req, timeout=60) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode(errors="replace")
    try:
        return status, json.loads(text) if text else {}
    except json.JSONDecodeError:
        return status, text


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect (to a login page, say) as it is instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


def hub_answers(url: str) -> bool:
    """Return True once the Hub answers its API through the proxy."""
    try:
        return request(f"{url}/hub/api/", "")[0] == 200
    except OSError:
        return False


@contextlib.contextmanager
def running_hub(folder: Path) -> Iterator[Hub]:
    """Start a JupyterHub in ``folder``; yield it; stop it, its proxy and every student's server."""
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(32)
    config, port = write_config(folder, token)
    log = (folder / "jupyterhub.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    hub = Hub(f"http://127.0.0.1:{port}", folder, token, process)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not hub_answers(hub.url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"JupyterHub did not start:\n{log_tail(folder)}")
            time.sleep(0.3)  # a starting server sends no event to wait for: poll it
        yield hub
    finally:
        stop_hub(process)
        log.close()


def log_tail(folder: Path, lines: int = 40) -> str:
    """Return the last ``lines`` lines of the Hub's log."""
    text = (folder / "jupyterhub.log").read_text(encoding="utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def stop_hub(process: subprocess.Popen) -> None:
    """Stop the Hub with SIGTERM (it stops the students' servers and its proxy); kill what is left."""
    try:
        family = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    _, alive = psutil.wait_procs(family, timeout=10)
    for leftover in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            leftover.kill()


def add_student(hub: Hub, name: str) -> str:
    """Create ``name`` through the Hub's REST API and return a token of their own."""
    status, _ = request(f"{hub.url}/hub/api/users/{name}", hub.token, "POST", {})
    if status not in (201, 409):  # 409: the student exists already
        raise RuntimeError(f"creating {name} answered {status}")
    status, answer = request(f"{hub.url}/hub/api/users/{name}/tokens", hub.token, "POST", {"note": "class"})
    if status != 201:
        raise RuntimeError(f"a token for {name} answered {status}: {answer}")
    return answer["token"]


def start_server(hub: Hub, name: str, token: str) -> str:
    """Start ``name``'s single-user server with their own token; return its address once it answers."""
    status, answer = request(f"{hub.url}/hub/api/users/{name}/server", token, "POST", {})
    if status not in (201, 202, 400):  # 400: already running
        raise RuntimeError(f"starting {name}'s server answered {status}: {answer}")
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        _, model = request(f"{hub.url}/hub/api/users/{name}", token)
        server = model.get("servers", {}).get("", {}) if isinstance(model, dict) else {}
        if server.get("ready"):
            return f"{hub.url}/user/{name}"
        time.sleep(0.5)  # the Hub's spawn progress is an event stream; polling the model is simpler
    raise RuntimeError(f"{name}'s server did not start within {START_TIMEOUT_S} s:\n{log_tail(hub.folder)}")


def stop_server(hub: Hub, name: str) -> None:
    """Stop ``name``'s single-user server through the Hub's REST API."""
    request(f"{hub.url}/hub/api/users/{name}/server", hub.token, "DELETE")


def code_cells(notebook: str) -> list[str]:
    """Return the source of each code cell of ``notebook`` (in notebooks/), in order."""
    nb = nbformat.read(NOTEBOOKS / notebook, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def open_session(server: str, token: str, notebook: str) -> str:
    """Start a kernel for ``notebooks/<notebook>`` as JupyterLab does (in its folder); return its id."""
    body = {
        "path": f"notebooks/{notebook}",
        "type": "notebook",
        "name": notebook,
        "kernel": {"name": "python3"},
    }
    status, answer = request(f"{server}/api/sessions", token, "POST", body)
    if status != 201:
        raise RuntimeError(f"opening a session answered {status}: {answer}")
    return answer["kernel"]["id"]


def execute_message(code: str, session: str) -> dict:
    """Return a Jupyter execute_request message for ``code``, as JupyterLab sends it."""
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": "execute_request",
        "session": session,
        "username": "student",
        "version": "5.3",
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    content = {"code": code, "silent": False, "store_history": True, "user_expressions": {}}
    return {
        "header": header,
        "parent_header": {},
        "metadata": {},
        "content": {**content, "allow_stdin": False, "stop_on_error": True},
        "channel": "shell",
    }


def run_cells(server: str, token: str, kernel: str, cells: list[str]) -> list[str]:
    """Run ``cells`` one by one in ``kernel`` over its websocket; return the errors they raised."""
    url = server.replace("http://", "ws://", 1) + f"/api/kernels/{kernel}/channels"
    connection = websocket.create_connection(
        url, header=[f"Authorization: token {token}"], timeout=CELL_TIMEOUT_S
    )
    session, errors = uuid.uuid4().hex, []
    try:
        for code in cells:
            message = execute_message(code, session)
            connection.send(json.dumps(message))
            errors += _wait_for_idle(connection, message["header"]["msg_id"])
    finally:
        connection.close()
    return errors


def decode(frame: str | bytes) -> dict:
    """Return the message in a websocket frame: JSON text, or binary with buffers (a widget's image).

    A binary frame starts with the number of parts and each part's offset (32-bit big-endian
    integers); the first part is the message's JSON, the rest are its buffers.
    """
    if isinstance(frame, str):
        return json.loads(frame)
    parts = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(parts)] + [len(frame)]
    return json.loads(frame[offsets[0] : offsets[1]])


def _wait_for_idle(connection: websocket.WebSocket, msg_id: str) -> list[str]:
    """Read messages until the kernel is idle after request ``msg_id``; return its error names."""
    errors = []
    while True:
        reply = decode(connection.recv())
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = reply["header"]["msg_type"]
        if kind == "error":
            errors.append(f"{reply['content']['ename']}: {reply['content']['evalue']}")
        elif kind == "status" and reply["content"]["execution_state"] == "idle":
            return errors


def server_processes(student: str) -> list[psutil.Process]:
    """Return ``student``'s single-user server and its kernels (the processes that carry their name)."""
    found = []
    for process in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if process.environ().get("JUPYTERHUB_USER") == student:
                found.append(process)
    return found


def memory_mb(processes: list[psutil.Process]) -> float:
    """Return the resident memory of ``processes`` together, in MB."""
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total / 1e6


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """Return the CPU time (user plus system) that ``processes`` have used so far, in seconds."""
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def kernel_count(processes: list[psutil.Process]) -> int:
    """Return how many of ``processes`` are kernels."""
    kernels = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            kernels += "ipykernel_launcher" in " ".join(process.cmdline())
    return kernels


def environment_ok() -> bool:
    """Return whether JupyterHub and its proxy are installed here (the README's set-up installs both)."""
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return False
    return Path(proxy_command()).exists()
