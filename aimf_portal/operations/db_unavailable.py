"""While the database is unreachable, visitors get a French maintenance page (503), not a 500.

A view (or the template it returns) that loses its connection raises OperationalError or
InterfaceError; this middleware answers with templates/503.html, rendered without a request
context, hence without the database, with Retry-After and never cached. A POST is refused the
same way: what it wrote inside a transaction (every newsletter write is in one) is rolled back.
The next requests reconnect by themselves once PostgreSQL is back (CONN_HEALTH_CHECKS).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.deprecation import MiddlewareMixin

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def maintenance_response():
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Base de données injoignable, réponse 503 pour %s %s : %r",
            request.method,
            request.path,
            exception,
        )
        return maintenance_response()
