"""gunicorn, configured from the environment: `gunicorn aimf_portal.wsgi` (docs/deploy.md).

Sync workers: each request is short (pages come from the cache or from a few queries), and the
CDN in front buffers slow clients. Each worker is replaced after 50,000 to 55,000 requests, a
bound on any slow leak. Not after a thousand: at cached speeds (850 requests/s per worker on
two cores) a worker would then restart every second or so, and each restart (a fresh database
and Redis connection, cold caches) held requests for up to 2–3 s: `make bench` measured a p99
of 2 s even on the static file, and 8–13 ms once the recycling was rare. The jitter keeps the
workers from restarting together, and the preloaded application makes a restart a fork of the
master rather than a fresh import of Django and Wagtail.
"""

import json
import multiprocessing
import os

from gunicorn import glogging

MAX_DEFAULT_WORKERS = 12

wsgi_app = "aimf_portal.wsgi:application"
# The local proxy in front reaches it; exposing it further is a decision (docs/deploy.md).
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(
    os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, MAX_DEFAULT_WORKERS))
)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 20))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50_000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 5_000))
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in ("0", "false", "no")
# The proxies (CDN, load balancer) whose X-Forwarded-Proto and X-Forwarded-For are believed.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The heartbeat file in memory: a container's disk can stall a worker into a false timeout.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# One JSON object per request; every value is escaped by JsonAccessLogger. The request id is
# the response's: the one Django's logs carry, whether the proxy sent it or Django made it.
access_log_format = json.dumps(
    {
        "time": "%(t)s",
        "remote_addr": "%(h)s",
        "forwarded_for": "%({x-forwarded-for}i)s",
        "request_id": "%({x-request-id}o)s",
        "method": "%(m)s",
        "path": "%(U)s",
        "query": "%(q)s",
        "status": "%(s)s",
        "bytes": "%(B)s",
        "duration_ms": "%(M)s",
        "referer": "%(f)s",
        "user_agent": "%(a)s",
        "pid": "%(p)s",
    }
)


class JsonAccessLogger(glogging.Logger):
    """gunicorn's logger, with each access-log value escaped so that every line parses as JSON.

    gunicorn escapes double quotes itself (glogging.SafeAtoms); this escapes the rest
    (backslashes, control characters) as JSON does.
    """

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: json.dumps(value)[1:-1].replace('\\"', '"') if isinstance(value, str) else value
            for key, value in atoms.items()
        }


logger_class = JsonAccessLogger
