"""Security headers: strict on the public site, looser only under the Wagtail admin."""

import pytest
from django.conf import settings
from django.urls import reverse

from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self' https://www.youtube.com https://www.youtube-nocookie.com "
    "https://player.vimeo.com; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", ["home", "theme", "news", "newsletter", "404"])
def test_public_pages_carry_the_strict_policy(client, theme, path):
    news = NewsPageFactory(parent=theme, title="Une actualité")
    url = {
        "home": "/",
        "theme": theme.url,
        "news": news.url,
        "newsletter": "/newsletter/",
        "404": "/nulle-part/",
    }[path]
    response = client.get(url)
    assert response.status_code == (404 if path == "404" else 200)
    assert_common_headers(response)
    policy = response["Content-Security-Policy"]
    assert policy == STRICT_CSP
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_public_pages_have_no_inline_script_or_style(client, theme):
    """What the strict policy would block: no <script> without src, no style attribute."""
    news = NewsPageFactory(parent=theme, title="Une actualité")
    for url in ["/", theme.url, news.url, "/newsletter/"]:
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        assert "<style" not in html, url
        for tag in html.split("<script")[1:]:
            # A JSON-LD data block is never executed, so the policy does not block it.
            opening = tag.split(">", 1)[0]
            assert " src=" in opening or opening == ' type="application/ld+json"', url


def test_the_admin_login_page_works_under_its_own_policy(client):
    response = client.get(f"/{settings.ADMIN_URL_PATH}login/")
    assert response.status_code == 200
    assert_common_headers(response)
    policy = response["Content-Security-Policy"]
    assert policy != STRICT_CSP
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy


def test_an_editor_opens_an_edit_page_under_the_admin_policy(admin_client, theme):
    news = NewsPageFactory(parent=theme, title="Une actualité")
    response = admin_client.get(f"/{settings.ADMIN_URL_PATH}pages/{news.pk}/edit/")
    assert response.status_code == 200
    assert "Une actualité" in response.content.decode()
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_a_logged_in_editor_gets_the_strict_policy_on_public_pages(admin_client, theme):
    response = admin_client.get(theme.url)
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()
    assert response["Content-Security-Policy"] == STRICT_CSP


def test_a_preview_gets_the_public_policy_framable_by_the_admin(admin_client, theme):
    news = NewsPageFactory(parent=theme, title="Une actualité")
    revision = news.save_revision()
    response = admin_client.get(
        reverse("wagtailadmin_pages:revisions_view", args=(news.pk, revision.pk))
    )
    assert response.status_code == 200
    assert "Une actualité" in response.content.decode()
    assert response["Content-Security-Policy"] == STRICT_CSP.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    )


def test_debug_error_pages_stay_readable_in_development(client, settings, theme):
    settings.DEBUG = True
    not_found = client.get("/nulle-part/")
    assert not_found.status_code == 404
    assert "Content-Security-Policy" not in not_found
    assert client.get(theme.url)["Content-Security-Policy"] == STRICT_CSP
