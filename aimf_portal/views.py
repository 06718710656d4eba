from django.http import Http404
from django.shortcuts import render


class PublicNotFound(Http404):
    """A 404 whose message is written in French for visitors, so the error page may show it."""


def not_found(request, exception):
    public_message = exception.args[0] if isinstance(exception, PublicNotFound) else ""
    return render(request, "404.html", {"public_message": public_message}, status=404)
