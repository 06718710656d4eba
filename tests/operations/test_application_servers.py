"""Several application server processes on one database, as production runs them: what is
changed through one process is never served stale by another (gunicorn, production settings)."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from bench.servers import http_get
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REQUESTS_PER_SERVER = 12  # enough to reach each worker of a server several times


def production_cache(**backend):
    return {"default": {"KEY_PREFIX": "aimf", "TIMEOUT": 300, **backend}}


@pytest.fixture
def shared_redis(settings, redis_server):
    """This test process uses the servers' Redis, as an editor's request on a third server."""
    location = f"{redis_server}/6"
    settings.CACHES = production_cache(
        BACKEND="django_redis.cache.RedisCache",
        LOCATION=location,
        OPTIONS={"IGNORE_EXCEPTIONS": True},
    )
    cache.clear()
    yield location
    cache.clear()


def titles_seen(servers, path):
    """Every answer of every server at path: (status, whether it shows each title)."""
    return [
        http_get(server.base_url + path) for server in servers for _ in range(REQUESTS_PER_SERVER)
    ]


def test_a_publish_on_one_server_is_seen_by_every_server_at_once(
    application_servers, theme, shared_redis
):
    item = NewsPageFactory(parent=theme, title="Titre provisoire", image=None)
    with application_servers(2, REDIS_URL=shared_redis, WEB_CONCURRENCY=2) as servers:
        first, second = servers
        assert http_get(first.base_url + theme.url)[1]["X-Cache"] == "MISS"
        assert http_get(second.base_url + theme.url)[1]["X-Cache"] == "HIT"

        item.title = "Titre définitif"
        item.save_revision().publish()

        for path in (theme.url, item.url, "/"):
            for status, _headers, body in titles_seen(servers, path):
                assert status == 200, path
                assert "Titre définitif" in body and "Titre provisoire" not in body, path


@pytest.fixture
def file_cache(settings, tmp_path):
    """The cache production uses without Redis: files every worker of the server shares."""
    settings.CACHES = production_cache(
        BACKEND="django.core.cache.backends.filebased.FileBasedCache",
        LOCATION=str(tmp_path / "cache" / "default"),
    )
    return tmp_path / "cache"


def test_without_redis_no_worker_serves_a_page_after_access_to_it_is_restricted(
    application_servers, theme, file_cache
):
    """Each worker once kept its own copy of the restricted sections for 24 hours."""
    NewsPageFactory(parent=theme, title="Réunion du bureau", image=None)
    with application_servers(1, WEB_CONCURRENCY=3, CACHE_DIR=file_cache) as servers:
        assert {status for status, _, _ in titles_seen(servers, theme.url)} == {200}

        PageViewRestriction.objects.create(page=theme, restriction_type=PageViewRestriction.LOGIN)
        answers = titles_seen(servers, theme.url)
        assert all("Réunion du bureau" not in body for _status, _headers, body in answers)
        assert {status for status, _, _ in answers} == {200}  # the login page, after a redirect
        assert all("Connexion" in body or "connecter" in body for _, _, body in answers)

        theme.unpublish()
        assert {status for status, _, _ in titles_seen(servers, "/culture-patrimoine/")} == {404}
