from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from aimf_portal.operations.request_id import current_request_id


class PublicNotFound(Http404):
    """A 404 whose message is written in French for visitors, so the error page may show it."""


def not_found(request, exception):
    public_message = exception.args[0] if isinstance(exception, PublicNotFound) else ""
    return render(request, "404.html", {"public_message": public_message}, status=404)


def server_error(request):
    """The 500 page, rendered without the database: the failure may well be the database.

    No RequestContext, so no context processor (site settings, user) runs a query; the template
    needs only static files and the request id, which a visitor can quote to the team.
    """
    page = loader.get_template("500.html").render({"request_id": current_request_id()})
    return HttpResponseServerError(page)
