"""The full-page cache: what anonymous visitors get from it, and what it never keeps."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from aimf_portal.factories import home_page
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

PER_REQUEST = ("X-Cache", "Date", "X-Request-ID")


@pytest.fixture
def pages(theme):
    news = NewsPageFactory(parent=theme, title="Une actualité", countries=["BJ"])
    PublicationPageFactory(parent=theme, title="Une publication", countries=["BJ", "SN"])
    home = home_page()
    home.save_revision().publish()  # gives the home page a publication date, for the sitemap
    return {"theme": theme, "news": news}


def twice(client, url):
    first = client.get(url)
    return first, client.get(url)


CACHED_URLS = {
    "home": "/",
    "theme page": "/culture-patrimoine/",
    "theme page, filtered": "/culture-patrimoine/?pays=bj",
    "listing": "/culture-patrimoine/actualites/",
    "listing, filtered": "/culture-patrimoine/publications/?pays=bj&pays=sn",
    "item": "/culture-patrimoine/une-actualite/",
    "site feed": "/rss/",
    "theme feed": "/culture-patrimoine/rss/",
    "sitemap": "/sitemap.xml",
}


@pytest.mark.parametrize("url", CACHED_URLS.values(), ids=CACHED_URLS.keys())
def test_a_public_page_is_rendered_once_then_served_from_the_cache(
    client, pages, url, django_assert_num_queries
):
    first = client.get(url)
    assert (first.status_code, first["X-Cache"]) == (200, "MISS")
    with django_assert_num_queries(0):
        second = client.get(url)
    assert (second.status_code, second["X-Cache"]) == (200, "HIT")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_keeps_every_header_for_the_cdn_and_the_browser(client, pages):
    first, second = twice(client, "/culture-patrimoine/")
    for response in (first, second):
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=60", "s-maxage=300"}
    kept = {name: value for name, value in first.items() if name not in PER_REQUEST}
    assert {name: second[name] for name in kept} == kept
    # The id names this request, not the one that filled the cache.
    assert second["X-Request-ID"] != first["X-Request-ID"]
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
    ):
        assert second[header], header


def test_filtered_listings_stay_briefly_in_the_cdn_which_cannot_be_told_each_variant(client, pages):
    response = client.get("/culture-patrimoine/publications/?pays=bj")
    assert "s-maxage=60" in response["Cache-Control"]


def test_head_is_answered_from_the_entry_of_get(client, pages):
    client.get("/culture-patrimoine/")
    assert client.head("/culture-patrimoine/")["X-Cache"] == "HIT"


NEVER_CACHED = {
    "search": "/recherche/?q=patrimoine",
    "newsletter page": "/newsletter/",
    "csrf token endpoint": "/newsletter/jeton/",
    "healthz": "/healthz",
    "readyz": "/readyz",
    "admin login": "/admin/login/",
    "not found": "/nulle-part/",
    "page number that does not exist": "/culture-patrimoine/actualites/?page=99",
    "redirect to the address with a slash": "/culture-patrimoine",
    "unknown parameter": "/culture-patrimoine/?q=x",
    "made-up filter value": "/culture-patrimoine/actualites/?pays=zz",
}


@pytest.mark.parametrize("url", NEVER_CACHED.values(), ids=NEVER_CACHED.keys())
def test_what_is_never_stored(client, pages, url):
    first, second = twice(client, url)
    assert "X-Cache" not in first and "X-Cache" not in second
    for directive in ("public", "s-maxage"):
        assert directive not in second["Cache-Control"]
    assert "private" in second["Cache-Control"] or "no-store" in second["Cache-Control"]


def test_posts_are_never_answered_from_the_cache(client, pages):
    client.get("/culture-patrimoine/")
    response = client.post("/culture-patrimoine/")
    assert "X-Cache" not in response


def test_a_logged_in_editor_never_gets_the_anonymous_copy_nor_leaves_one(client, pages):
    editor = get_user_model().objects.create_superuser("editrice", "e@aimf.example", "x")
    client.get("/culture-patrimoine/")  # an anonymous copy now exists
    client.force_login(editor)
    response = client.get("/culture-patrimoine/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    client.get("/culture-patrimoine/une-actualite/")
    client.force_login(editor)
    client.get("/culture-patrimoine/une-actualite/")
    visitor = Client().get("/culture-patrimoine/une-actualite/")
    assert visitor["X-Cache"] == "HIT"
    assert b"editrice" not in visitor.content


def test_a_cached_page_carries_no_csrf_token_nor_cookie(client, pages):
    first, second = twice(client, "/culture-patrimoine/")
    for response in (first, second):
        assert b"csrfmiddlewaretoken" not in response.content
        assert not response.cookies
    assert b"data-newsletter-signup" in second.content
    assert b'data-token-url="/newsletter/jeton/"' in second.content


def test_another_visitors_token_never_reaches_a_cached_page(pages):
    first_visitor = Client()
    token = first_visitor.get("/newsletter/jeton/").json()["csrfToken"]
    assert first_visitor.get("/culture-patrimoine/")["X-Cache"] == "MISS"
    served = Client().get("/culture-patrimoine/")
    assert served["X-Cache"] == "HIT"
    assert token.encode() not in served.content
    assert first_visitor.cookies["csrftoken"].value.encode() not in served.content
    assert not served.cookies


def test_tracking_parameters_get_the_cached_page_but_never_make_one(client, pages):
    shared = "/culture-patrimoine/une-actualite/?utm_source=lettre&fbclid=abc123"
    assert "X-Cache" not in client.get(shared)
    assert client.get("/culture-patrimoine/une-actualite/")["X-Cache"] == "MISS"
    response = client.get(shared)
    assert response["X-Cache"] == "HIT"
    assert b"abc123" not in response.content


def test_a_timeout_of_zero_turns_the_page_cache_off(client, pages, settings):
    client.get("/culture-patrimoine/")
    settings.PAGE_CACHE_TIMEOUT = 0
    response = client.get("/culture-patrimoine/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    settings.PAGE_CACHE_TIMEOUT = 300
    assert client.get("/culture-patrimoine/")["X-Cache"] == "HIT"


def test_each_host_has_its_own_entry(client, pages):
    """Feeds and the sitemap hold absolute addresses built from the request's host."""
    client.get("/rss/", HTTP_HOST="localhost")
    assert client.get("/rss/", HTTP_HOST="127.0.0.1")["X-Cache"] == "MISS"
