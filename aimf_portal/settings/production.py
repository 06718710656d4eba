"""Production: secure by default; every secret and host comes from the environment.

docs/deploy.md lists each variable. `manage.py check --deploy` gives no warning with them.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from aimf_portal.operations.client_ip import trusted_networks

from .base import *  # noqa: F403
from .base import (
    ANYMAIL,
    BASE_DIR,
    DATABASES,
    EMAIL_PROVIDER,
    LOGGING,
    SECRET_KEY,
    STORAGES,
    TASK_BACKENDS,
    TASKS,
    env,
)


def required(name, what):
    if not os.environ.get(name, "").strip():
        raise ImproperlyConfigured(
            f"{name} doit être défini dans l'environnement ({what}). Voir docs/deploy.md."
        )
    return os.environ[name]


DEBUG = False
# Canonical and shared addresses from the Wagtail Site, never from the Host header.
ABSOLUTE_URLS_FROM_REQUEST = False

required("SECRET_KEY", "au moins 50 caractères aléatoires")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-only", "test-only", "django-insecure")):
    raise ImproperlyConfigured(
        "SECRET_KEY doit être défini dans l'environnement (au moins 50 caractères aléatoires)."
    )
required("ALLOWED_HOSTS", "noms d'hôte servis, séparés par des virgules")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
required("DATABASE_URL", "par exemple postgres://utilisateur:mdp@hôte:5432/base")
if not EMAIL_PROVIDER:
    required("EMAIL_URL", "par exemple smtp+tls://utilisateur:mdp@smtp.exemple.org:587")
    EMAIL_CONFIG = env.email_url("EMAIL_URL")
    vars().update(EMAIL_CONFIG)
elif not ANYMAIL["WEBHOOK_SECRET"]:
    required(
        "ANYMAIL_WEBHOOK_SECRET", "« utilisateur:mot-de-passe » des webhooks du service d'envoi"
    )

# Newsletter sends run in their own process, `manage.py db_worker` (docs/deploy.md).
NEWSLETTER_TASKS = env("NEWSLETTER_TASKS", default="database")
TASKS["newsletter"]["BACKEND"] = TASK_BACKENDS[NEWSLETTER_TASKS]

# Persistent connections, checked before reuse: a restarted PostgreSQL costs one failed request
# per worker at most, not a dead worker.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)

# HTTPS, terminated by the proxy in front of gunicorn, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers probe the application servers directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading binds every subdomain of the association's domain to HTTPS for months, in
    # every browser: a decision for its operators (docs/deploy.md), not a default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Redis, shared by every application server, when REDIS_URL names one: the generation numbers
# that make cached pages stale must be the same everywhere. Without it, a cache in files under
# CACHE_DIR, shared by the workers of this one server (never a per-process memory: access
# decisions and rate limits read it). Image renditions have their own alias, which Wagtail uses.
REDIS_URL = env("REDIS_URL", default="")
RENDITIONS_CACHE_TIMEOUT = 7 * 24 * 60 * 60
if REDIS_URL:
    # django-redis: with IGNORE_EXCEPTIONS, an unreachable Redis, or one that refuses writes
    # (maxmemory reached), reads as an empty cache and the site is served uncached
    # (docs/deploy.md, « Cache et pannes »). Timeouts of a second: redis-py waits forever.
    REDIS_OPTIONS = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "aimf",
            "OPTIONS": REDIS_OPTIONS,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "aimf-renditions",
            "TIMEOUT": RENDITIONS_CACHE_TIMEOUT,
            "OPTIONS": REDIS_OPTIONS,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # One server: pages and fragments are not cached unless the operator asks for it.
    PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=0)
    FRAGMENT_CACHE_TIMEOUT = env.int("FRAGMENT_CACHE_TIMEOUT", default=0)
    CACHE_DIR = Path(env("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")))
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / alias),
            "KEY_PREFIX": "aimf",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
        for alias in ("default", "renditions")
    }
    CACHES["renditions"]["TIMEOUT"] = RENDITIONS_CACHE_TIMEOUT

# Keyed hashes of the newsletter (suppression list, network hash) outlive SECRET_KEY rotations.
NEWSLETTER_HASH_KEY = env("NEWSLETTER_HASH_KEY", default="")
# The proxies in front of gunicorn, as gunicorn.conf.py reads them (a local proxy by default);
# a malformed entry stops the start here rather than at the first login or signup.
TRUSTED_PROXIES = env.list("FORWARDED_ALLOW_IPS", default=["127.0.0.1", "::1"])
trusted_networks(tuple(TRUSTED_PROXIES))

# One JSON object per log line on stdout (aimf_portal/log_format.py), for the log collector.
LOGGING["handlers"]["console"].update(formatter="json", stream="ext://sys.stdout")

# Media (images, documents) in an S3-compatible object store when a bucket is named, shared by
# every application server; in MEDIA_ROOT otherwise. Credentials come from boto3's usual chain
# (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the instance's role), never from settings.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
                "region_name": env("AWS_S3_REGION_NAME", default=None),
                "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default=None),
                "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
                # No per-object ACL: the bucket's policy decides who reads what
                # (docs/deploy.md: public images, private documents).
                "default_acl": None,
                # Plain URLs: pages are cached by the CDN for longer than a signature lives.
                "querystring_auth": False,
                # An upload never replaces another file that happens to have the same name.
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "public, max-age=86400"},
            },
        },
    }
    # Documents go through Wagtail's view, which checks a private collection's permissions,
    # and read the file with the server's credentials: their objects need not be public.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
