"""Health endpoints for load balancers, and security.txt (RFC 9116) for security researchers.

/healthz says the process answers (no database, no cache: a load balancer must not take every
server out because PostgreSQL restarts). /readyz says this server can serve pages: the database
answers `SELECT 1` (503 otherwise). It also says whether the cache keeps what it is given, but
a cache down or full is not a reason to leave rotation: pages are then served uncached, and
failing here would take every server out at once. Neither is ever cached.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def _database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_answers():
    key = f"aimf-readyz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        return cache.get(key) == "ok"
    finally:
        cache.delete(key)


def failing(checks):
    failed = []
    for name, check in checks.items():
        try:
            answered = check()
        except Exception as error:  # DatabaseError, or whatever the cache backend raises
            logger.warning("readyz: %s ne répond pas : %r", name, error)
            answered = False
        if not answered:
            failed.append(name)
    return failed


@never_cache
@require_safe
def readyz(request):
    failed = failing({"database": _database_answers})
    degraded = failing({"cache": _cache_answers})
    status = {"status": "indisponible" if failed else "ok", "failed": failed, "degraded": degraded}
    return JsonResponse(status, status=503 if failed else 200)


@require_safe
def security_txt(request):
    expires = timezone.now().replace(microsecond=0) + datetime.timedelta(days=365)
    lines = [
        f"Contact: {settings.SECURITY_TXT_CONTACT}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
