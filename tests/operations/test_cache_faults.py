"""Redis down: pages are served uncached, a warning is logged, /readyz names the cache."""

import logging
import socket

import pytest
from django.core.cache import cache

from aimf_portal import cache_backends
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

REDIS_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
REAL_REDIS = "redis://127.0.0.1:6379/5"  # this project's test database on the machine's Redis


def tolerant_caches(location):
    return {
        alias: {
            "BACKEND": "aimf_portal.cache_backends.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"aimf-test-{alias}",
            "OPTIONS": REDIS_OPTIONS,
        }
        for alias in ("default", "renditions")
    }


@pytest.fixture
def closed_port():
    """A local port bound but not listening: connections to it are refused at once."""
    with socket.socket() as reserved:
        reserved.bind(("127.0.0.1", 0))
        yield reserved.getsockname()[1]


@pytest.fixture
def redis_down(settings, closed_port):
    settings.CACHES = tolerant_caches(f"redis://127.0.0.1:{closed_port}/0")
    cache_backends.retry_at.clear()  # the outage starts with the test
    yield
    cache_backends.retry_at.clear()


@pytest.fixture
def page(theme):
    return NewsPageFactory(parent=theme, title="Une actualité", countries=["BJ"])


def test_pages_are_served_uncached_and_the_outage_is_logged_once(client, redis_down, page, caplog):
    caplog.clear()
    cache_backends.retry_at.clear()
    with caplog.at_level(logging.WARNING, logger="aimf_portal.cache_backends"):
        for url in ["/", "/culture-patrimoine/", "/culture-patrimoine/?pays=bj", page.url]:
            for _ in range(2):
                response = client.get(url)
                assert response.status_code == 200, url
                assert "X-Cache" not in response
                assert "private" in response["Cache-Control"]
    warnings = [record for record in caplog.records if record.name == "aimf_portal.cache_backends"]
    assert len(warnings) == 1
    assert "Cache Redis injoignable (127.0.0.1:" in warnings[0].getMessage()
    assert "Une actualité" in client.get("/culture-patrimoine/").content.decode()


def test_visitors_read_nothing_about_the_outage(client, page, redis_down):
    html = client.get("/culture-patrimoine/").content.decode().lower()
    for scary in ("redis", "cache", "erreur", "traceback"):
        assert scary not in html


def test_readyz_names_the_cache(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "indisponible", "failed": ["cache"]}


def test_every_operation_gives_way(redis_down):
    assert cache.get("absent", "par défaut") == "par défaut"
    assert cache.add("clé", 1) is False
    cache.set("clé", 1)
    assert cache.get_many(["clé"]) == {}
    assert cache.has_key("clé") is False
    assert cache.delete("clé") is False
    with pytest.raises(ValueError):
        cache.incr("clé")
    cache.set_many({"a": 1})
    cache.delete_many(["a"])


def test_a_newsletter_counter_lets_the_visitor_through(client, privacy_page, redis_down):
    from tests.newsletter.helpers import signup_data

    response = client.post("/newsletter/", signup_data())
    assert response.status_code == 302


@pytest.fixture
def privacy_page(db):
    from aimf_portal.factories import StandardPageFactory, home_page

    return StandardPageFactory(parent=home_page(), title="Politique de confidentialité")


@pytest.fixture
def real_redis(settings):
    cache_backends.retry_at.clear()
    settings.CACHES = tolerant_caches(REAL_REDIS)
    cache.clear()  # flushes database 5 only, this project's
    yield
    cache.clear()


def test_with_redis_up_the_same_backend_caches_pages(client, real_redis, page):
    assert client.get("/culture-patrimoine/")["X-Cache"] == "MISS"
    assert client.get("/culture-patrimoine/")["X-Cache"] == "HIT"
    page.title = "Titre corrigé"
    page.save_revision().publish()
    response = client.get("/culture-patrimoine/")
    assert response["X-Cache"] == "MISS"
    assert "Titre corrigé" in response.content.decode()
    assert client.get("/readyz").status_code == 200


def test_operations_share_one_client_per_server(real_redis):
    cache.set("a", 1)
    client = cache._cache.get_client()

    assert cache.get("a") == 1
    assert cache._cache.get_client(write=True) is client
