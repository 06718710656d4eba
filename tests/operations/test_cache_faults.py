"""Redis down, or full and refusing writes: pages are served uncached, the outage is logged once,
/readyz says so without taking the server out of rotation."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from aimf_portal.factories import StandardPageFactory, home_page
from news.factories import NewsPageFactory
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db

REDIS_LOGGER = "aimf_portal.caching.redis"


def redis_caches(location):
    """The production settings' caches (django-redis, failing open), at `location`."""
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"aimf-test-{alias}",
            "OPTIONS": options,
        }
        for alias in ("default", "renditions")
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_of_an_outage():
    """Resets the once-a-minute filter of the Redis errors' log: an outage starts now."""
    for log_filter in logging.getLogger(REDIS_LOGGER).filters:
        log_filter.next_at = 0.0


@pytest.fixture
def outage_log(settings):
    """Ignored Redis errors are logged, as in production."""
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


@pytest.fixture
def redis_down(settings, outage_log):
    """A local port bound but not listening: connections to it are refused at once."""
    with socket.socket() as reserved:
        reserved.bind(("127.0.0.1", 0))
        settings.CACHES = redis_caches(f"redis://127.0.0.1:{reserved.getsockname()[1]}/0")
        yield


@pytest.fixture(params=["noeviction", "allkeys-lru"])
def full_redis(request, settings, outage_log):
    """A Redis of this test's own, 2 MB at most, filled up to its limit."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.fail("redis-server manque : lancez `make test`, qui l'installe.")
    port = free_port()
    server = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--maxmemory", "2mb", "--maxmemory-policy", request.param],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(port=port)
    try:
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        if request.param == "noeviction":
            with pytest.raises(redis.ResponseError, match="maxmemory"):
                for number in range(10_000):
                    client.set(f"remplissage:{number}", "x" * 1024)
        settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")
        yield request.param
    finally:
        server.terminate()
        server.wait()


@pytest.fixture
def page(theme):
    return NewsPageFactory(parent=theme, title="Une actualité", countries=["BJ"])


URLS = ["/", "/culture-patrimoine/", "/culture-patrimoine/?pays=bj", "/rss/"]


def test_with_redis_down_pages_are_served_uncached_and_the_outage_logged_once(
    client, redis_down, page, caplog
):
    start_of_an_outage()
    with caplog.at_level(logging.ERROR, logger=REDIS_LOGGER):
        for url in [*URLS, page.url]:
            for _ in range(2):
                response = client.get(url)
                assert response.status_code == 200, url
                assert "X-Cache" not in response
                assert "private" in response["Cache-Control"]
    outage = [record for record in caplog.records if record.name == REDIS_LOGGER]
    assert len(outage) == 1
    assert "Une actualité" in client.get("/culture-patrimoine/").content.decode()


def test_visitors_read_nothing_about_the_outage(client, page, redis_down):
    html = client.get("/culture-patrimoine/").content.decode().lower()
    for scary in ("redis", "cache", "erreur", "traceback"):
        assert scary not in html


def test_with_redis_down_the_server_stays_ready_and_names_the_cache(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failed": [], "degraded": ["cache"]}


def test_a_newsletter_counter_lets_the_visitor_through(client, redis_down):
    StandardPageFactory(parent=home_page(), title="Politique de confidentialité")
    assert client.post("/newsletter/", signup_data()).status_code == 302


def test_a_full_redis_is_an_outage_not_an_error(client, full_redis, page):
    """noeviction refuses every write once full; allkeys-lru evicts to make room."""
    for url in [*URLS, page.url, "/une-adresse-inventee/"]:
        for _ in range(3):
            response = client.get(url)
            assert response.status_code in (200, 404), url
    ready = client.get("/readyz")
    assert ready.status_code == 200
    expected = ["cache"] if full_redis == "noeviction" else []
    assert ready.json()["degraded"] == expected


@pytest.fixture
def real_redis(settings, redis_server):
    """The test run's Redis, emptied before and after."""
    settings.CACHES = redis_caches(f"{redis_server}/5")
    cache.clear()
    yield
    cache.clear()


def test_with_redis_up_the_same_settings_cache_pages_and_purge_them(client, real_redis, page):
    assert client.get("/culture-patrimoine/")["X-Cache"] == "MISS"
    assert client.get("/culture-patrimoine/")["X-Cache"] == "HIT"
    page.title = "Titre corrigé"
    page.save_revision().publish()
    response = client.get("/culture-patrimoine/")
    assert response["X-Cache"] == "MISS"
    assert "Titre corrigé" in response.content.decode()
    assert client.get("/readyz").json()["degraded"] == []
