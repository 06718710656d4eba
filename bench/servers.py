"""The processes the benchmark and the drills start, each stopped when its `with` block ends.

gunicorn runs with the production settings, a PostgreSQL cluster and a redis-server of our
own can be killed without disturbing anyone else on the machine. Ports are ours (8220–8299,
5440–5449, 6390–6399) and everything listens on 127.0.0.1 only.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
POSTGRES_BIN = Path(os.environ.get("BENCH_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
READY_TIMEOUT_S = 90
# gunicorn's output of the last run on each port, kept (var/ is ignored by git) for when a
# server fails.
LOG_DIR = REPO / "var" / "bench"


def stop_cleanly_on_sigterm():
    """SIGTERM (a `kill`, a CI timeout) unwinds the `with` blocks, which stop every process
    started here, instead of killing Python on the spot and leaving them running."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def production_env(database_url, redis_url, **overrides):
    """The environment of a production server on this machine (docs/deploy.md), plain HTTP."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAGE_CACHE", "WEB_CONCURRENCY"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="aimf_portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_URL="consolemail://",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def run_module_json(module, env, *arguments):
    """`python -m module arguments` in env (the measured database's settings): the JSON of
    its last line of output."""
    completed = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.splitlines()[-1])


def http_get(url, timeout=5):
    """(status, headers, body) of a GET; errors become their status, refusals status 0."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, {}, ""


def wait_until(predicate, timeout_s, what):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} : toujours pas prêt après {timeout_s} s")


class Gunicorn:
    """gunicorn on 127.0.0.1:port with gunicorn.conf.py and the given environment."""

    def __init__(self, port, env, label="bench"):
        self.port = port
        self.env = {key: str(value) for key, value in env.items()}
        self.env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        self.log_path = LOG_DIR / f"gunicorn-{label}-{port}.log"
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")  # one run's requests: the access log grows fast
        self.process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-c", str(REPO / "gunicorn.conf.py")],
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        try:
            wait_until(self._ready, READY_TIMEOUT_S, f"gunicorn sur le port {self.port}")
        except BaseException:
            self.stop()
            raise
        return self

    def _ready(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn s'est arrêté, voir {self.log_path}")
        return http_get(self.base_url + "/readyz", timeout=2)[0] == 200

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return sorted(int(pid) for pid in children.read_text().split())

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def __exit__(self, *exc_info):
        self.stop()


def rss_kib(pid):
    """Resident memory of a process, from /proc (None once it has exited)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


class RedisServer:
    """A redis-server of our own, without persistence, killed on exit."""

    def __init__(self, port, workdir):
        self.port = port
        self.pidfile = Path(workdir) / f"redis-{port}.pid"

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        if self._answers():
            # Left by a run that was killed outright: the port is ours, the data disposable.
            subprocess.run(
                ["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True
            )
            wait_until(lambda: not self._answers(), 10, "arrêt de l'ancien redis-server")
        subprocess.run(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--pidfile",
                str(self.pidfile),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wait_until(self._answers, 10, f"redis-server sur le port {self.port}")

    def _answers(self):
        completed = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
        )
        return completed.stdout.strip() == "PONG"

    def is_running(self):
        return self.pidfile.exists()

    def kill(self):
        if not self.is_running():
            return
        pid = int(self.pidfile.read_text().strip())
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        wait_until(lambda: rss_kib(pid) is None, 10, "arrêt de redis-server")
        self.pidfile.unlink(missing_ok=True)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.kill()


class PostgresCluster:
    """A throw-away PostgreSQL cluster (initdb, trust, 127.0.0.1:port), removed on exit.

    As root, Debian's tools run as the `postgres` user, as PostgreSQL requires.
    """

    def __init__(self, port):
        self.port = port
        self.prefix = f"aimf-drill-pg-{port}-"
        self.directory = Path(tempfile.mkdtemp(prefix=self.prefix))
        self.data = self.directory / "data"
        self.log = self.directory / "postgresql.log"

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command):
        command = [str(POSTGRES_BIN / command[0]), *command[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def _remove_leftovers(self):
        """Clusters of a run that was killed outright: stopped and deleted."""
        for leftover in Path(tempfile.gettempdir()).glob(f"{self.prefix}*"):
            if leftover == self.directory:
                continue
            if (leftover / "data" / "postmaster.pid").exists():
                with contextlib.suppress(subprocess.CalledProcessError):
                    self._run("pg_ctl", "-D", str(leftover / "data"), "-m", "immediate", "stop")
            shutil.rmtree(leftover, ignore_errors=True)

    def __enter__(self):
        self._remove_leftovers()
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()
        return self

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory}"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def is_running(self):
        return (self.data / "postmaster.pid").exists()

    def __exit__(self, *exc_info):
        try:
            if self.is_running():
                self.stop()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
