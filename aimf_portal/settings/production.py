"""Production: secure by default; every secret and host comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = False

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-only", "test-only")):
    raise ImproperlyConfigured(
        "SECRET_KEY doit être défini dans l'environnement (au moins 50 caractères aléatoires)."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)

# Keyed hashes of the newsletter (suppression list, network hash) outlive SECRET_KEY rotations.
NEWSLETTER_HASH_KEY = env("NEWSLETTER_HASH_KEY", default="")
# Reverse proxies in front of gunicorn that append to X-Forwarded-For (1 behind one proxy).
NEWSLETTER_TRUSTED_PROXY_COUNT = env.int("NEWSLETTER_TRUSTED_PROXY_COUNT", default=0)
