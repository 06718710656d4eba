"""A newsletter sign-up as a visitor makes it: the form page, two seconds of typing, the post.

The form page (`/newsletter/`, never cached) carries the CSRF token, the signed start time and
the consent text's version; its cookie is sent back by hand because the production CSRF cookie
is `Secure` and the drill talks plain HTTP to 127.0.0.1. Each sign-up comes from its own
network (X-Forwarded-For, believed from 127.0.0.1: FORWARDED_ALLOW_IPS), so the per-network
rate limit is not what refuses it.
"""

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser

SIGNUP_PATH = "/newsletter/"
THANKS_PATHS = ("/newsletter/merci/",)
FILL_SECONDS = 2.2  # just over NEWSLETTER_MIN_FILL_SECONDS


class _SignupFormParser(HTMLParser):
    """The fields of the form that carries a CSRF token (the page's own, not the footer's)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({})
        elif tag == "input" and self.forms and attributes.get("name"):
            if attributes.get("type") in ("checkbox", "radio", "submit"):
                return
            self.forms[-1][attributes["name"]] = attributes.get("value") or ""


def signup_fields(html):
    parser = _SignupFormParser()
    parser.feed(html)
    for fields in parser.forms:
        if "csrfmiddlewaretoken" in fields:
            return fields
    return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _open(request, timeout):
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, {}, ""


@dataclass
class SignupAttempt:
    email: str
    form_status: int = 0
    post_status: int = 0
    location: str = ""
    posted_at: float = 0.0

    @property
    def accepted(self):
        return self.post_status == 302 and self.location.endswith(THANKS_PATHS)


def sign_up(base_url, email, network, timeout=10):
    """One sign-up from `network` (an IPv4 address); the attempt, accepted or not."""
    attempt = SignupAttempt(email)
    headers = {"X-Forwarded-For": network}
    status, response_headers, body = _open(
        urllib.request.Request(base_url + SIGNUP_PATH, headers=headers), timeout
    )
    attempt.form_status = status
    fields = signup_fields(body) if status == 200 else None
    if fields is None:
        return attempt
    cookies = "; ".join(
        cookie.split(";", 1)[0] for cookie in response_headers.get_all("Set-Cookie") or []
    )
    time.sleep(FILL_SECONDS)
    fields.update(email=email, consent="on", website="")
    request = urllib.request.Request(
        base_url + SIGNUP_PATH,
        data=urllib.parse.urlencode(fields).encode(),
        headers=dict(headers, Cookie=cookies, Origin=base_url),
        method="POST",
    )
    attempt.posted_at = time.monotonic()
    attempt.post_status, response_headers, _ = _open(request, timeout)
    attempt.location = response_headers.get("Location", "") if response_headers else ""
    return attempt
