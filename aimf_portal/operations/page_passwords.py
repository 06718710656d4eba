"""Wagtail's page password form, throttled: a password protecting a page can otherwise be
guessed at the speed of the server. Wrong answers are counted per restriction and client
address; past PAGE_PASSWORD_FAILURES in PAGE_PASSWORD_WINDOW seconds, the form answers 429."""

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from wagtail.views import authenticate_with_password

from aimf_portal.operations.client_ip import client_ip


def failures_key(request, page_view_restriction_id):
    return f"aimf-page-password:{page_view_restriction_id}:{client_ip(request)}"


def throttled_authenticate_with_password(request, page_view_restriction_id, page_id):
    key = failures_key(request, page_view_restriction_id)
    window = settings.PAGE_PASSWORD_WINDOW
    if request.method == "POST" and (cache.get(key) or 0) >= settings.PAGE_PASSWORD_FAILURES:
        response = render(
            request, "page_password_locked.html", {"minutes": window // 60}, status=429
        )
        response["Retry-After"] = str(window)
        return response
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: wrong answer
        cache.add(key, 0, window)
        try:
            cache.incr(key)
        except ValueError:  # the window ended meanwhile
            cache.set(key, 1, window)
    return response
