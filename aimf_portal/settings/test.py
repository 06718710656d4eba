"""Tests: fast, isolated, no network, email captured in memory."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files come from the finders: a fresh clone has no collected staticfiles/ folder.
WHITENOISE_AUTOREFRESH = True
# Local memory, large enough that a test's pages, cards and renditions are never culled.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "aimf-test",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
# The page cache is on, as in production, whatever the environment says; tests that measure
# a render turn it off themselves.
PAGE_CACHE_TIMEOUT = 300
WAGTAILFRONTENDCACHE = {}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory: tests that run real application servers share it with them.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"aimf-test-{os.getpid()}.sqlite3")
    }
# Newsletter sends run in the test, at once and unthrottled; webhooks need their secret.
NEWSLETTER_SEND_RATE_PER_MINUTE = 0
ANYMAIL = {"WEBHOOK_SECRET": "fournisseur:secret-de-test"}
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "newsletter": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["newsletter"],
    },
}
