"""Production settings of the caches, loaded in a fresh process as an operator loads them."""

import json

from tests.operations.production import PRODUCTION_ENVIRONMENT, run

SHOW_CACHE_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({
    "backends": sorted({conf["BACKEND"] for conf in settings.CACHES.values()}),
    "PAGE_CACHE_TIMEOUT": settings.PAGE_CACHE_TIMEOUT,
    "frontend": {name: conf["BACKEND"].rsplit(".", 1)[1]
                 for name, conf in settings.WAGTAILFRONTENDCACHE.items()},
    "middleware": settings.MIDDLEWARE[:5],
}))
"""


def cache_settings(**overrides):
    environment = {**PRODUCTION_ENVIRONMENT, **overrides}
    drop = [name for name, value in overrides.items() if value is None]
    environment = {name: value for name, value in environment.items() if value is not None}
    result = run(SHOW_CACHE_SETTINGS, environment, drop=drop)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_with_redis_every_alias_tolerates_outages_and_pages_are_cached():
    shown = cache_settings(
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_API_TOKEN="jeton",
        CLOUDFLARE_ZONE_ID="zone",
    )
    assert shown["backends"] == ["django_redis.cache.RedisCache"]
    assert shown["PAGE_CACHE_TIMEOUT"] == 300
    assert shown["frontend"] == {"proxy": "HTTPBackend", "cloudflare": "CloudflareBackend"}
    assert shown["middleware"] == [
        "aimf_portal.operations.request_id.RequestIdMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "aimf_portal.caching.page_cache.PageCacheMiddleware",
        "aimf_portal.operations.db_unavailable.DatabaseUnavailableMiddleware",
    ]


def test_without_a_shared_cache_pages_are_not_cached_nor_a_cdn_purged():
    shown = cache_settings(REDIS_URL=None, CLOUDFLARE_API_TOKEN="jeton")
    assert shown["PAGE_CACHE_TIMEOUT"] == 0
    assert shown["frontend"] == {}
    assert cache_settings(REDIS_URL=None, PAGE_CACHE_TIMEOUT="120")["PAGE_CACHE_TIMEOUT"] == 120
