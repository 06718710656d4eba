"""Fixtures shared by every test folder.

Every test writes its files to a temporary media folder and starts with an empty cache
(renditions, site data and rate-limit counters are cached; a cache left over from another test
would change results, query counts and limits).
"""

import contextlib
import io
import socket
import subprocess
import sys
from tempfile import SpooledTemporaryFile

import pytest
from django.core.cache import cache
from django.db import connection

from aimf_portal.discovery import documents
from aimf_portal.factories import ThemePageFactory
from bench.servers import REPO, Gunicorn, RedisServer, production_env

pytest_plugins = ["tests.browser"]


class InMemoryRenditionBuffer(SpooledTemporaryFile):
    """The buffer Wagtail renders a rendition into, kept in memory.

    Wagtail never closes that buffer (`AbstractImage.generate_rendition_file`). Pillow's JPEG
    encoder asks it for a `fileno()`, which turns it into an OS temporary file; the file is
    then left for the garbage collector, whose ResourceWarning fails whichever test is running
    under `filterwarnings = error`. Refusing `fileno()` makes Pillow write through `write()`.
    """

    def fileno(self):
        raise io.UnsupportedOperation("rendition buffers stay in memory in tests")


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path, monkeypatch):
    """Uploaded files and renditions go to a temporary folder, rendition buffers stay in memory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    monkeypatch.setattr("wagtail.images.models.SpooledTemporaryFile", InMemoryRenditionBuffer)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_search_documents_left(request, django_db_blocker):
    """The search documents' table is unmanaged: Django's flush after a transactional test
    leaves its rows, which would name pages of that test in the next one's searches."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional and documents.enabled():
        with django_db_blocker.unblock():
            documents.SearchDocument.objects.all().delete()


@pytest.fixture
def theme(db):
    """The seed's theme, at /culture-patrimoine/."""
    return ThemePageFactory(title="Culture / Patrimoine")


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


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A Redis of this test run's own: two runs on one machine never empty each other's."""
    with RedisServer(free_port(), tmp_path_factory.mktemp("redis")) as server:
        yield f"redis://127.0.0.1:{server.port}"


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
