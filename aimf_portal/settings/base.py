"""Settings shared by every environment; each one reads what differs from the environment."""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "aimf_portal"
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "aimf_portal",
    "news",
    "actions",
    "publications",
    "places",
    "newsletter",
    "contact",
    "anymail",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    # Wagtail's admin says « il y a une seconde » through humanize; without it, English.
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# Order matters. A page-cache hit returns from PageCacheMiddleware: what sits above it runs on
# every response (and whatever is per request, such as a request id, must sit there); what sits
# below runs only when the page is rendered, and what it adds to a stored page is kept with it.
# DatabaseUnavailableMiddleware catches the database errors of everything below it.
MIDDLEWARE = [
    # First, so that every response carries the request id, cached and error pages included.
    "aimf_portal.operations.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "aimf_portal.caching.page_cache.PageCacheMiddleware",
    "aimf_portal.operations.db_unavailable.DatabaseUnavailableMiddleware",
    "aimf_portal.caching.routing.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "aimf_portal.operations.security_headers.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Brute force on the admin login (aimf_portal/operations/login_protection.py, docs/deploy.md):
# after AXES_FAILURE_LIMIT failures for one username, from whatever addresses, it is refused
# for AXES_COOLOFF_TIME, even with the right password; a success clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# "username" decides; the pair with the address makes each failure's log line name it too.
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "aimf_portal.operations.client_ip.client_ip"
# The proxies whose X-Forwarded-For is believed (operations/client_ip.py): none in development.
TRUSTED_PROXIES = env.list("FORWARDED_ALLOW_IPS", default=[])
AXES_LOCKOUT_CALLABLE = "aimf_portal.operations.login_protection.lockout_response"
# Failure log lines name the username and address (the point of logging them), not the browser.
AXES_VERBOSE = False
# Wrong answers to a page's password allowed per client address and window (429 beyond).
PAGE_PASSWORD_FAILURES = env.int("PAGE_PASSWORD_FAILURES", default=10)
PAGE_PASSWORD_WINDOW = 15 * 60
AXES_SENSITIVE_PARAMETERS = []

# Headers sent with every response: SecurityMiddleware's, then operations.security_headers'.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
# Video players that EmbedBlock may frame on public pages (and in the admin's embed chooser).
CSP_FRAME_SRC = env.list(
    "CSP_FRAME_SRC",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
)
# The public site's scripts and styles are files under /static/: no inline code at all.
CSP_PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["'self'", *CSP_FRAME_SRC],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Where security researchers report a vulnerability (/.well-known/security.txt, RFC 9116).
SECURITY_TXT_CONTACT = env("SECURITY_TXT_CONTACT", default="mailto:securite@aimf.example")
# Editors' avatars are Wagtail's own: no hash of their addresses sent to Gravatar from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's admin uses inline scripts and styles and shows embed thumbnails from elsewhere;
# looser, and only under ADMIN_URL_PATH (previews get the public policy: see middleware.py).
CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", *CSP_FRAME_SRC],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}

ROOT_URLCONF = "aimf_portal.urls"
WSGI_APPLICATION = "aimf_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite in the ignored var/ folder unless DATABASE_URL names another database.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'aimf.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the development server read while a long demo load writes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL;"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="AIMF – Maires francophones <ne-pas-repondre@aimf.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# An email service provider through django-anymail instead of EMAIL_URL's SMTP server, for every
# email the site sends: brevo, mailjet or amazon_ses (docs/newsletter.md).
EMAIL_PROVIDER = env("EMAIL_PROVIDER", default="")
EMAIL_PROVIDERS = {
    "brevo": "anymail.backends.brevo.EmailBackend",
    "mailjet": "anymail.backends.mailjet.EmailBackend",
    "amazon_ses": "anymail.backends.amazon_ses.EmailBackend",
}
if EMAIL_PROVIDER:
    EMAIL_BACKEND = EMAIL_PROVIDERS[EMAIL_PROVIDER]
ANYMAIL = {
    "BREVO_API_KEY": env("BREVO_API_KEY", default=""),
    "MAILJET_API_KEY": env("MAILJET_API_KEY", default=""),
    "MAILJET_SECRET_KEY": env("MAILJET_SECRET_KEY", default=""),
    # Credentials from boto3's usual chain (AWS_ACCESS_KEY_ID…, or the instance's role).
    "AMAZON_SES_CLIENT_PARAMS": {"region_name": env("AWS_SES_REGION_NAME", default=None)},
    # "utilisateur:mot-de-passe" the provider puts in its bounce and complaint webhooks; the
    # webhooks (/newsletter/webhooks/<provider>/tracking/) exist only when it is set.
    "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET", default=""),
}

# Background tasks (django-tasks). Wagtail's own (reference index…) run at once, in the request,
# as they always have; newsletter sends have their backend: at once in development (sent to
# the console by the request), or stored in the database and run by `manage.py db_worker
# --backend newsletter --queue-name newsletter` (NEWSLETTER_TASKS=database, production).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
NEWSLETTER_TASKS = env("NEWSLETTER_TASKS", default="immediate")
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS["immediate"]},
    "newsletter": {"BACKEND": TASK_BACKENDS[NEWSLETTER_TASKS], "QUEUES": ["newsletter"]},
}
# Messages of an issue sent per minute (the provider's or the SMTP server's limit); 0: no limit.
NEWSLETTER_SEND_RATE_PER_MINUTE = env.int("NEWSLETTER_SEND_RATE_PER_MINUTE", default=600)
# A dead sending worker's campaign is taken over after this many seconds.
NEWSLETTER_WORKER_LEASE_SECONDS = env.int("NEWSLETTER_WORKER_LEASE_SECONDS", default=60)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "AIMF – Association internationale des maires francophones"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# ASCII addresses: "le-patrimoine-de-hue", not "le-patrimoine-de-hué".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Submissions notify the Éditeurs, not the technical team's superuser accounts.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Moving or renaming a page leaves a redirect from its old address (tested).
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # French stemming without accents, created by aimf_portal's migration 0004.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "pptx", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The media library requires each image's description, its alt text (aimf_portal/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "aimf_portal.editorial.image_forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Wagtail's responsive embeds use an inline style that the strict CSP blocks: site.css sizes
# embedded videos with aspect-ratio instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
TAGGIT_CASE_INSENSITIVE = True

# Everything through one handler, each record tagged with its request's id
# (aimf_portal/request_id.py): stderr in development, JSON lines on stdout in production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "aimf_portal.operations.request_id.RequestIdFilter"},
        # An outage logs its start, not each of the thousands of operations it fails.
        "once_a_minute": {"()": "aimf_portal.operations.log_format.OncePerInterval"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "aimf_portal.operations.log_format.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO").upper()},
    "loggers": {
        # Without handlers of its own (Django's default adds a console and mail_admins), an
        # unhandled exception reaches the console handler once, through the root logger.
        "django": {"level": "INFO"},
        # One line per background task and per page action drowns what matters.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-redis's errors, ignored so that pages are served uncached (production).
        "aimf_portal.caching.redis": {"filters": ["once_a_minute"]},
    },
}
DJANGO_REDIS_LOGGER = "aimf_portal.caching.redis"

ADMIN_URL_PATH = env("ADMIN_URL_PATH", default="admin/")
# Contact form messages are deleted after this many days (`manage.py contact_purge`).
CONTACT_RETENTION_DAYS = env.int("CONTACT_RETENTION_DAYS", default=365)
# Canonical addresses, og:url, og:image and the sitemap from the address the request was served
# at (development: http://127.0.0.1:8000/) rather than the Wagtail Site (production). Not with
# the page cache on: its entries are keyed by host without port.
ABSOLUTE_URLS_FROM_REQUEST = env.bool("ABSOLUTE_URLS_FROM_REQUEST", default=False)

# Full-page cache (aimf_portal/caching/page_cache.py): seconds an anonymous visitor's page is
# kept, here and in the CDN (s-maxage); 0 disables it, and the CDN then stores nothing either.
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=300)
# Rendered parts of pages ({% cached_until_changed %}: a theme page's content and <head>, the
# theme menu, the footer), kept while nothing they show changes, and no longer than this.
# Independent of PAGE_CACHE_TIMEOUT: it is what a page costs when it is not served whole from
# the cache (a new filter, a purge). 0: off.
FRAGMENT_CACHE_TIMEOUT = env.int("FRAGMENT_CACHE_TIMEOUT", default=300)
# Models shown on every page: saving or deleting one makes every cached page, fragment and datum
# stale (aimf_portal/caching/invalidation.py). Pages say it themselves (shown_on_every_page).
SITE_WIDE_CACHE_MODELS = [
    "wagtailcore.Site",
    "aimf_portal.Country",
    "places.City",
    "aimf_portal.SiteSettings",
    "newsletter.ConsentText",
]
# The CDN or caching proxy in front of the site, purged when an editor publishes: an HTTP PURGE
# server (Varnish, nginx) and/or Cloudflare, each only when its variables are set.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL := env("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if env("CLOUDFLARE_API_TOKEN", default="") and env("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
