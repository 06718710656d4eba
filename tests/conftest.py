"""Fixtures shared by every test folder. Every test writes media to a temporary folder and starts
with an empty cache (tests/aimf_portal/fixtures.py)."""

import contextlib
import socket
import subprocess
import sys

import pytest
from django.db import connection

from bench.servers import REPO, Gunicorn, production_env

pytest_plugins = ["tests.browser", "tests.aimf_portal.fixtures"]


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files collected as production serves them (hashed names, a manifest)."""
    static_root = tmp_path_factory.mktemp("staticfiles")
    environment = production_env("sqlite://", "", STATIC_ROOT=static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=environment,
        check=True,
    )
    return static_root


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_for_other_processes():
    """The test database as a URL another process can open (data must be committed first)."""
    conf = connection.settings_dict
    if conf["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{conf['NAME']}"
    credentials = conf["USER"] + (f":{conf['PASSWORD']}" if conf["PASSWORD"] else "")
    return f"postgres://{credentials}@{conf['HOST']}:{conf['PORT'] or 5432}/{conf['NAME']}"


@pytest.fixture
def application_servers(settings, collected_static):
    """Starts gunicorns with the production settings on the test database, as many as asked:
    `with application_servers(2, REDIS_URL=…) as servers:`."""

    @contextlib.contextmanager
    def start(count, **environment):
        env = production_env(
            database_url_for_other_processes(),
            environment.pop("REDIS_URL", ""),
            STATIC_ROOT=collected_static,
            MEDIA_ROOT=settings.MEDIA_ROOT,
            CONN_MAX_AGE=0,
            **environment,
        )
        with contextlib.ExitStack() as stack:
            yield [
                stack.enter_context(Gunicorn(free_port(), env, label="tests")) for _ in range(count)
            ]

    return start
