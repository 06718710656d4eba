"""One id per request, in the response, in every log line, and on the 500 page.

A well-formed X-Request-ID from the proxy or CDN in front is kept, so one id follows the request
from the edge to the application's logs; anything else (missing, too long, or with characters
that could forge a log line or a header) is replaced by a fresh uuid4. The id lives in a context
variable for the duration of the request, so a logging filter can add it to every record made
meanwhile, whichever logger makes it.
"""

import contextvars
import logging
import re
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,128}")
NO_REQUEST = "-"

current_request = contextvars.ContextVar("current_request", default=None)


def request_id_from(request):
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if WELL_FORMED_REQUEST_ID.fullmatch(incoming):
        return incoming
    return str(uuid.uuid4())


class RequestIdMiddleware:
    """First in MIDDLEWARE: every response gets the header, cached and error pages included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request)
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response


def current_request_id():
    request = current_request.get()
    return request.request_id if request is not None else NO_REQUEST


class RequestIdFilter(logging.Filter):
    """Adds request_id and path to each record; NO_REQUEST outside a request (commands, cron)."""

    def filter(self, record):
        request = current_request.get()
        record.request_id = current_request_id()
        record.path = request.path if request is not None else None
        return True
