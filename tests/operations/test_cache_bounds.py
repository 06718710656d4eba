"""Anonymous traffic cannot fill the cache: any spelling of an address other than the one its view
calls canonical is answered but never stored, and a lookup writes nothing."""

import random

import pytest
from django.core.cache import cache
from django.test import Client
from django_redis import get_redis_connection

from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

PUBLICATIONS = "/culture-patrimoine/publications/"


@pytest.fixture
def pages(theme):
    for countries in (["BJ"], ["TN"], ["BJ", "SN"]):
        PublicationPageFactory(parent=theme, countries=countries, image=None)
    return theme


def answered_but_never_stored(url, **headers):
    visitor = Client()
    for _ in range(2):
        response = visitor.get(url, **headers)
        assert response.status_code == 200, url
        assert "X-Cache" not in response, url
        assert "private" in response["Cache-Control"], url
    return response


VARIANTS = {
    "capitals": f"{PUBLICATIONS}?pays=BJ",
    "spaces": f"{PUBLICATIONS}?pays=%20bj",
    "a padded page number": f"{PUBLICATIONS}?page=01",
    "page 1 spelt out": f"{PUBLICATIONS}?page=1",
    "another order": f"{PUBLICATIONS}?pays=tn&pays=bj",
    "a repeated value": f"{PUBLICATIONS}?pays=bj&pays=bj",
    "fifty repeats and an unknown": f"{PUBLICATIONS}?{'pays=bj&' * 50}pays=zz",
    "a parameter the home page does not read": "/?pays=x",
    "a parameter the feed does not read": "/rss/?pays=x",
    "a parameter the sitemap does not read": "/sitemap.xml?type=x",
    "a parameter robots.txt does not read": "/robots.txt?annee=x",
    "an empty parameter": f"{PUBLICATIONS}?pays=",
}


@pytest.mark.parametrize("url", VARIANTS.values(), ids=VARIANTS.keys())
def test_a_variant_of_an_address_is_answered_but_never_stored(pages, url):
    answered_but_never_stored(url)


def test_the_canonical_address_is_stored_and_a_variant_never_replaces_it(pages):
    canonical = f"{PUBLICATIONS}?pays=bj&pays=tn"  # the form's order: Bénin, then Tunisie
    assert Client().get(canonical)["X-Cache"] == "MISS"
    answered_but_never_stored(f"{PUBLICATIONS}?pays=tn&pays=bj")
    assert Client().get(canonical)["X-Cache"] == "HIT"


def test_the_port_is_not_part_of_the_address(pages):
    assert Client().get("/rss/", HTTP_HOST="localhost")["X-Cache"] == "MISS"
    assert Client().get("/rss/", HTTP_HOST="localhost:8000")["X-Cache"] == "HIT"


def test_a_host_port_adds_no_fragment_entry(pages, settings):
    """Requests the page cache does not serve (a session cookie, made up or not) still read
    and write fragments: under the same names whatever the port."""
    settings.ABSOLUTE_URLS_FROM_REQUEST = False
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "inventee"
    for url in ("/", "/culture-patrimoine/", PUBLICATIONS):
        assert visitor.get(url, HTTP_HOST="localhost").status_code == 200
    before = set(cache._cache)
    for port in range(8001, 8011):
        for url in ("/", "/culture-patrimoine/", PUBLICATIONS):
            assert visitor.get(url, HTTP_HOST=f"localhost:{port}").status_code == 200
    assert set(cache._cache) - before == set()


def test_the_scheme_is_part_of_the_address(pages, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = Client().get("/robots.txt", HTTP_X_FORWARDED_PROTO="http")
    secure = Client().get("/robots.txt", HTTP_X_FORWARDED_PROTO="https")
    assert (plain["X-Cache"], secure["X-Cache"]) == ("MISS", "MISS")
    assert "Sitemap: https://testserver" in secure.content.decode()


def made_up_requests(first, count):
    for number in range(first, first + count):
        Client().get(f"/adresse-inventee-{number}/{'x' * 200}/")
        Client().get(f"/culture-patrimoine/?inconnu={number}")


def test_made_up_addresses_leave_no_key_behind(pages):
    """Not a page, not a generation: the site data their pages show is cached once, no more."""
    made_up_requests(0, 2)
    before = set(cache._cache)  # LocMemCache's keys: the test settings' backend
    made_up_requests(2, 20)
    assert set(cache._cache) - before == set()


@pytest.fixture
def real_redis(settings, redis_server):
    """The production backend on the test run's Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"{redis_server}/7",
            "KEY_PREFIX": "aimf",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    cache.clear()
    yield get_redis_connection("default")
    cache.clear()


REAL_PAGES = {
    "/": [],
    "/rss/": [],
    "/robots.txt": [],
    "/culture-patrimoine/": [("pays", ("bj", "tn", "sn"))],
    PUBLICATIONS: [("pays", ("bj", "tn", "sn")), ("type", ("rapport",))],
}


def random_variant(rng, path, parameters):
    """A visitor's spelling of a real page: case, spaces, order, repeats, unknown values."""
    pairs = []
    for name, values in parameters:
        for value in rng.sample(values, rng.randint(0, len(values))):
            spelt = rng.choice([value, value.upper(), f" {value}", f"{value} "])
            pairs += [(name, spelt)] * rng.randint(1, 3)
    if rng.random() < 0.3:
        pairs.append((rng.choice(["pays", "type", "annee", "x"]), f"zz{rng.randint(0, 99)}"))
    if rng.random() < 0.2:
        pairs.append(("page", rng.choice(["1", "01", "1 "])))
    rng.shuffle(pairs)
    return path + ("?" + "&".join(f"{n}={v}" for n, v in pairs) if pairs else "")


def test_five_thousand_variants_add_at_most_the_entries_of_their_canonical_pages(pages, real_redis):
    rng = random.Random(20261206)
    visitor = Client()
    stored = set()
    for _ in range(5_000):
        path = rng.choice(list(REAL_PAGES))
        response = visitor.get(random_variant(rng, path, REAL_PAGES[path]))
        assert response.status_code == 200
        if response.get("X-Cache") == "MISS":
            stored.add(response.wsgi_request.get_full_path())
    page_entries = list(real_redis.scan_iter("aimf:*:aimf-page:*"))
    # Only canonical addresses were stored, each once: each is a real page with a canonical
    # selection of its own, whatever the number of spellings that reached it.
    assert len(page_entries) == len(stored)
    canonical_pages = 1 + 1 + 1 + 2**3 + 2**3 * 2
    assert len(stored) <= canonical_pages
    generations = list(real_redis.scan_iter("aimf:*:aimf-generation:*"))
    assert len(generations) <= 1 + len(REAL_PAGES)
    fragments = list(real_redis.scan_iter("aimf:*:aimf-data:*"))
    assert len(fragments) <= 40 + canonical_pages
