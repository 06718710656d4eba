"""Development: convenient by default, never for a public server."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# A template or code change shows on the next reload, not five minutes later.
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=0)
FRAGMENT_CACHE_TIMEOUT = env.int("FRAGMENT_CACHE_TIMEOUT", default=0)
# Absolute addresses follow the host and port actually served, not the Site record.
ABSOLUTE_URLS_FROM_REQUEST = env.bool("ABSOLUTE_URLS_FROM_REQUEST", default=True)
