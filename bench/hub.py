"""A class on a throw-away local JupyterHub: learners log in at once, pull the course with the
nbgitpuller link, and run notebooks top to bottom; per-learner memory is measured.

    python bench/hub.py                          # make hub-smoke: 5 learners run notebook 01
    python bench/hub.py --learners 20 --all      # make bench: 20 learners run every notebook

The hub (JupyterHub with its dummy authenticator and simple local spawner, configurable-http-proxy
from npm) listens on 127.0.0.1 only, in a temporary folder. Each learner:

1. logs in through the hub's login form;
2. opens the nbgitpuller link that ``python -m secnb link`` prints (pointing at a bare clone of this
   repository, a ``file://`` address), which spawns their server and serves nbgitpuller's page;
3. reads the pull's event stream (what that page's script does) until ``phase`` is ``finished``;
4. checks the notebooks are in their home (the server's contents API), then for each notebook
   starts a kernel in the notebook's folder (a session, as JupyterLab does), runs every code cell
   in order over the kernel's websocket, and shuts the kernel down.

A sampler reads each learner's server and kernel processes every half second; a learner's peak is
the largest sum of their proportional set sizes (PSS: shared pages counted once across processes,
so learners' peaks add up to what a machine must hold). The run ends with one line, for example

    hub: 5/5 learners ran 01 (peak MB per learner 250, median run s 14.2)

A learner that failed is reported with the cell and the error; everything the run started is
stopped in any case, and the exit status is 1 unless every learner ran every notebook.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "secnb-smoke"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_proxy() -> str:
    """configurable-http-proxy: on PATH, or installed by ``make hub-setup`` under .venv/hub."""
    for candidate in (shutil.which("configurable-http-proxy"),
                      ROOT / ".venv" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"):
        if candidate and Path(candidate).exists():
            return str(Path(candidate).resolve())  # the hub runs in its own folder
    raise SystemExit("configurable-http-proxy not found: run make hub-setup (npm install of configurable-http-proxy)")


CONFIG = """
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{work}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
c.JupyterHub.pid_file = "{work}/hub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{work}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--allow-root", "--ServerApp.port_retries=50"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.environment = {{"JUPYTER_PLATFORM_DIRS": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
                          "GIT_TERMINAL_PROMPT": "0"}}
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 300}}
"""


class Learner:
    """One learner's session: log in, pull, run notebooks; ``failure`` says where it stopped."""

    def __init__(self, hub: str, name: str):
        import requests

        self.hub, self.name = hub, name
        self.http = requests.Session()
        self.failure: str | None = None
        self.seconds: list[float] = []
        self.got_course = False

    def _xsrf(self) -> dict:
        token = self.http.cookies.get("_xsrf", path=f"/user/{self.name}/") or self.http.cookies.get("_xsrf")
        return {"X-XSRFToken": token} if token else {}

    def log_in(self) -> None:
        page = self.http.get(f"{self.hub}/hub/login", timeout=60)
        page.raise_for_status()
        xsrf = self.http.cookies.get("_xsrf", path="/hub/") or self.http.cookies.get("_xsrf")
        done = self.http.post(f"{self.hub}/hub/login", timeout=60,
                              data={"username": self.name, "password": PASSWORD, "_xsrf": xsrf})
        if done.status_code >= 400 or "/hub/login" in done.url:
            raise RuntimeError(f"login refused ({done.status_code})")

    def pull(self, link: str) -> None:
        """Open the nbgitpuller link (spawning the server), then read the pull's event stream."""
        page = self.http.get(link, timeout=400)
        where = urlsplit(page.url)
        if where.path.startswith("/hub/spawn-pending/"):
            # the server is still starting: follow the hub's progress stream (what the pending page's
            # script does), then go on to where the link leads
            with self.http.get(f"{self.hub}/hub/api/users/{self.name}/server/progress", stream=True,
                               timeout=400) as progress:
                for line in progress.iter_lines(decode_unicode=True):
                    if line and line.startswith("data:") and json.loads(line[5:]).get("ready"):
                        break
            page = self.http.get(page.url, timeout=400)
            where = urlsplit(page.url)
        if page.status_code != 200 or not where.path.startswith(f"/user/{self.name}/git-pull"):
            raise RuntimeError(f"the nbgitpuller link ended at {page.url} ({page.status_code})")
        query = urlsplit(link).query
        api = f"{self.hub}/user/{self.name}/git-pull/api?{query}"
        phases = []
        with self.http.get(api, stream=True, timeout=400) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    phases.append(event.get("phase"))
                    if event.get("phase") == "error":
                        raise RuntimeError(f"nbgitpuller: {event.get('message')}")
                    if event.get("phase") == "finished":
                        break
        if "finished" not in phases:
            raise RuntimeError(f"the pull's event stream ended without finishing ({phases[-3:]})")

    def notebook(self, path: str) -> dict:
        r = self.http.get(f"{self.hub}/user/{self.name}/api/contents/{quote(path)}", timeout=60)
        r.raise_for_status()
        return r.json()["content"]

    def run(self, path: str) -> None:
        """Run every code cell of the notebook at ``path`` (in the learner's home) in a fresh kernel."""
        import websocket

        nb = self.notebook(path)
        base = f"{self.hub}/user/{self.name}/api"
        session = self.http.post(f"{base}/sessions", headers=self._xsrf(), timeout=120, json={
            "path": path, "type": "notebook", "name": Path(path).name, "kernel": {"name": "python3"}})
        session.raise_for_status()
        session = session.json()
        kernel = session["kernel"]["id"]
        started = time.monotonic()
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        ws_url = "ws" + self.hub[4:] + f"/user/{self.name}/api/kernels/{kernel}/channels"
        ws = websocket.create_connection(ws_url, cookie=cookie, timeout=300)
        try:
            for index, cell in enumerate(nb["cells"]):
                source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                if cell["cell_type"] != "code" or not source.strip():
                    continue
                error = self._execute(ws, source)
                if error:
                    raise RuntimeError(f"{Path(path).name} cell {index}: {error}")
        finally:
            ws.close()
            self.http.delete(f"{base}/sessions/{session['id']}", headers=self._xsrf(), timeout=60)
        self.seconds.append(time.monotonic() - started)

    def _execute(self, ws, code: str) -> str | None:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": uuid.uuid4().hex, "msg_type":
                       "execute_request", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        error = None
        while True:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "error":
                error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
            elif kind == "stream" and msg["content"].get("name") == "stderr":
                error = error or f"wrote to stderr: {msg['content']['text'].strip()[:300]}"
            elif kind == "execute_reply" and msg.get("channel") == "shell":
                if msg["content"]["status"] != "ok" and not error:
                    error = f"{msg['content'].get('ename')}: {msg['content'].get('evalue')}"
                return error


class Sampler(threading.Thread):
    """Every ``interval`` seconds, each learner's server and its kernels: the peak PSS sum, in MB."""

    def __init__(self, names: list[str], interval: float = 0.5):
        super().__init__(daemon=True)
        self.names, self.interval = set(names), interval
        self.peak = {n: 0.0 for n in names}
        self.peak_rss = {n: 0.0 for n in names}
        self.stop = threading.Event()

    def _servers(self):
        import psutil

        for p in psutil.process_iter(["cmdline"]):
            try:
                if any("jupyterhub-singleuser" in part for part in p.info["cmdline"] or []):
                    user = p.environ().get("JUPYTERHUB_USER")
                    if user in self.names:
                        yield user, p
            except (psutil.Error, OSError):
                continue

    def run(self):
        import psutil

        while not self.stop.wait(self.interval):
            for user, server in self._servers():
                pss = rss = 0.0
                try:
                    for p in [server, *server.children(recursive=True)]:
                        try:
                            info = p.memory_full_info()
                        except psutil.Error:
                            continue
                        pss += info.pss / 2**20
                        rss += info.rss / 2**20
                except psutil.Error:
                    continue
                self.peak[user] = max(self.peak[user], pss)
                self.peak_rss[user] = max(self.peak_rss[user], rss)


def _stop(proc: subprocess.Popen, work: Path) -> list[int]:
    """Stop the hub (its process group: proxy, servers, kernels) and anything left from ``work``."""
    import psutil

    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    left = []
    for p in psutil.process_iter(["cmdline", "environ"]):
        try:
            text = " ".join(p.info["cmdline"] or [])
            env = p.info["environ"] or {}
            if str(work) in text or str(work) in env.get("HOME", "") or env.get("SECNB_SMOKE") == work.name:
                left.append(p)
        except (psutil.Error, OSError):
            continue
    for p in left:
        try:
            p.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(left, timeout=10)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return [p.pid for p in left]


def run(learners: int = 5, notebooks: list[str] | None = None, keep: bool = False, repo: Path = ROOT) -> dict:
    """Run the class on the committed state of the course repository ``repo``; return the figures
    (and print the summary line)."""
    from secnb.hub import nbgitpuller_link, repository_defaults

    notebooks = notebooks or ["01"]
    folder = Path(repo) / "notebooks"
    files = [next(folder.glob(f"{n}_*.ipynb")).name for n in notebooks]
    work = Path(tempfile.mkdtemp(prefix="secnb-hub-"))
    remote = work / "remote" / "secnb"
    _origin, branch = repository_defaults(repo)
    subprocess.run(["git", "clone", "--quiet", "--bare", str(repo), str(remote)], check=True)
    (work / "home").mkdir()
    port, hub_port, proxy_port = _free_port(), _free_port(), _free_port()
    venv_bin = Path(sys.executable).parent
    (work / "jupyterhub_config.py").write_text(textwrap.dedent(CONFIG.format(
        port=port, hub_port=hub_port, proxy_port=proxy_port, proxy=find_proxy(), work=work, password=PASSWORD,
        singleuser=str(venv_bin / "jupyterhub-singleuser"))))
    env = dict(os.environ, PATH=f"{venv_bin}{os.pathsep}{os.environ['PATH']}", SECNB_SMOKE=work.name,
               CONFIGPROXY_AUTH_TOKEN=uuid.uuid4().hex)
    env.pop("SECNB_DATA", None)
    log = open(work / "hub.log", "w")
    proc = subprocess.Popen([str(venv_bin / "jupyterhub"), "-f", str(work / "jupyterhub_config.py")], cwd=work,
                            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    hub = f"http://127.0.0.1:{port}"
    names = [f"learner{i + 1:02d}" for i in range(learners)]
    sampler = Sampler(names)
    result = {"learners": learners, "notebooks": notebooks, "failures": {}}
    try:
        import requests

        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{hub}/hub/api", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start:\n" + (work / "hub.log").read_text()[-3000:])
            time.sleep(0.5)
        sampler.start()
        link = nbgitpuller_link(hub, f"file://{remote}", branch, notebooks[0])
        people = [Learner(hub, n) for n in names]

        def lesson(learner: Learner) -> Learner:
            try:
                learner.log_in()
                learner.pull(link)
                for file in files:
                    learner.notebook(f"secnb/notebooks/{file}")
                learner.got_course = True
                for file in files:
                    learner.run(f"secnb/notebooks/{file}")
            except Exception as e:  # noqa: BLE001 - a learner's failure is reported, not raised
                learner.failure = f"{type(e).__name__}: {e}"
            return learner

        with ThreadPoolExecutor(max_workers=learners) as pool:
            people = list(pool.map(lesson, people))
        time.sleep(sampler.interval * 2)
    finally:
        sampler.stop.set()
        left = _stop(proc, work)
        log.close()
        result["stragglers_killed"] = len(left)
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    ok = [p for p in people if not p.failure and p.got_course and len(p.seconds) == len(files)]
    result["failures"] = {p.name: p.failure for p in people if p not in ok}
    peaks = [sampler.peak[p.name] for p in people]
    result.update(
        ran=len(ok), peak_mb=round(max(peaks), 1) if peaks else None,
        peak_rss_mb=round(max(sampler.peak_rss.values()), 1) if peaks else None,
        median_run_s=round(statistics.median([s for p in ok for s in p.seconds]), 1) if ok else None)
    label = notebooks[0] if len(notebooks) == 1 else f"{len(notebooks)} notebooks"
    for name, why in result["failures"].items():
        print(f"hub: {name} failed: {why}")
    print(f"hub: {len(ok)}/{learners} learners ran {label} (peak MB per learner {result['peak_mb']:.0f}, "
          f"median run s {result['median_run_s'] if result['median_run_s'] is not None else 'n/a'})")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=5)
    parser.add_argument("--notebooks", nargs="+", default=["01"], help="notebook numbers, e.g. 01 02")
    parser.add_argument("--all", action="store_true", help="every notebook of the course")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs) for a post-mortem")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the course repository to pull (its HEAD)")
    args = parser.parse_args(argv)
    notebooks = ([p.name[:2] for p in sorted((args.repo / "notebooks").glob("[0-9][0-9]_*.ipynb"))] if args.all
                 else args.notebooks)
    result = run(args.learners, notebooks, args.keep, args.repo)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0 if result["ran"] == args.learners else 1


if __name__ == "__main__":
    sys.exit(main())
