"""Publishing purges exactly the pages that show the item, here and in the CDN; changes every
page shows purge everything."""

import pytest
from django.test import Client
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from aimf_portal.factories import StandardPageFactory, ThemePageFactory, home_page
from aimf_portal.items.factories import CountryFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"
THEME = "/culture-patrimoine/"
OTHER_THEME = "/gouvernance-locale/"


class RecordingBackend(BaseBackend):
    """A frontend cache that writes down each batch it is asked to purge."""

    batches = []

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        self.batches.append(set(urls))


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": f"{__name__}.RecordingBackend"},
    }
    RecordingBackend.batches = []
    return RecordingBackend


@pytest.fixture
def site(theme):
    other = ThemePageFactory(title="Gouvernance locale")
    published = NewsPageFactory(parent=theme, title="Déjà en ligne", countries=["BJ"])
    neighbour = NewsPageFactory(parent=theme, title="Voisine", countries=["SN"])
    elsewhere = NewsPageFactory(parent=other, title="Ailleurs")
    return {
        "theme": theme,
        "other": other,
        "published": published,
        "neighbour": neighbour,
        "elsewhere": elsewhere,
    }


LISTINGS = ("actualites/", "actions/", "publications/", "actions/rss/", "publications/rss/")


def item_urls(item_path, theme=THEME):
    """What the CDN is told to purge: the item, its theme's and the site's listings and feeds."""
    paths = {item_path, theme, "/", "/rss/", "/sitemap.xml", f"{theme}rss/"}
    paths |= {f"{root}{listing}" for root in (theme, "/") for listing in LISTINGS}
    return {ROOT + path for path in paths}


SHOWS_A_THEME_ITEM = [
    "/",
    "/rss/",
    "/sitemap.xml",
    THEME,
    f"{THEME}?pays=bj",
    f"{THEME}actualites/",
    f"{THEME}actualites/?pays=bj&pays=sn",
    f"{THEME}rss/",
    # The site-wide listings: routes of the home page, in the scope every publish moves.
    "/actualites/",
    "/actualites/?thematique=culture-patrimoine",
]
UNRELATED = [
    OTHER_THEME,
    f"{OTHER_THEME}actualites/",
    f"{THEME}voisine/",
    f"{OTHER_THEME}ailleurs/",
]


def warm(urls):
    visitor = Client()
    for url in urls:
        assert visitor.get(url)["X-Cache"] == "MISS", url
    return visitor


def text(visitor, url):
    return visitor.get(url).content.decode()


def cache_states(visitor, urls):
    return {url: visitor.get(url).get("X-Cache") for url in urls}


def test_an_editors_publish_is_on_every_page_that_lists_it_and_nowhere_else(
    site, admin_user, cdn, django_capture_on_commit_callbacks
):
    visitor = warm(SHOWS_A_THEME_ITEM + UNRELATED)
    draft = NewsPage(
        title="Toute nouvelle",
        slug="toute-nouvelle",
        teaser="Chapeau.",
        date="2025-12-01",
        cities=["Hué"],
        live=False,
    )
    site["theme"].add_child(instance=draft)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=admin_user).publish(user=admin_user)
    for url in SHOWS_A_THEME_ITEM:
        response = visitor.get(url)
        assert response["X-Cache"] == "MISS", url
        if "?" not in url:  # the new item has no country: filtered lists are only rebuilt
            assert b"toute-nouvelle/" in response.content, url
    assert cache_states(visitor, UNRELATED) == dict.fromkeys(UNRELATED, "HIT")
    assert cdn.batches == [item_urls(f"{THEME}toute-nouvelle/")]


def test_a_draft_saved_over_a_live_item_purges_nothing(
    site, admin_user, cdn, django_capture_on_commit_callbacks
):
    urls = [*SHOWS_A_THEME_ITEM, f"{THEME}deja-en-ligne/"]
    visitor = warm(urls)
    item = site["published"]
    item.title = "Titre en cours de rédaction"
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision(user=admin_user)
    assert cache_states(visitor, urls) == dict.fromkeys(urls, "HIT")
    assert cdn.batches == []


@pytest.mark.parametrize("withdraw", ["unpublish", "delete"])
def test_an_item_withdrawn_leaves_its_pages_in_one_purge(
    site, withdraw, cdn, django_capture_on_commit_callbacks
):
    visitor = warm([*SHOWS_A_THEME_ITEM, f"{THEME}deja-en-ligne/", *UNRELATED])
    with django_capture_on_commit_callbacks(execute=True):
        getattr(site["published"], withdraw)()
    assert "Déjà en ligne" not in text(visitor, THEME)
    assert visitor.get(f"{THEME}deja-en-ligne/").status_code == 404
    assert cache_states(visitor, UNRELATED) == dict.fromkeys(UNRELATED, "HIT")
    assert cdn.batches == [item_urls(f"{THEME}deja-en-ligne/")]


def test_moving_an_item_purges_both_themes(site, cdn, django_capture_on_commit_callbacks):
    visitor = warm([THEME, OTHER_THEME, f"{THEME}voisine/"])
    with django_capture_on_commit_callbacks(execute=True):
        site["published"].move(site["other"], pos="last-child")
    assert "Déjà en ligne" not in text(visitor, THEME)
    assert "Déjà en ligne" in text(visitor, OTHER_THEME)
    assert visitor.get(f"{THEME}voisine/")["X-Cache"] == "HIT"
    assert cdn.batches == [
        item_urls(f"{THEME}deja-en-ligne/") | item_urls(f"{OTHER_THEME}deja-en-ligne/", OTHER_THEME)
    ]


SITE_WIDE_CHANGES = {
    "a new theme (the header menu)": lambda site: ThemePageFactory(title="Climat"),
    "a renamed theme": lambda site: rename(site["other"], "Gouvernance"),
    "a new page in the footer": lambda site: StandardPageFactory(
        parent=home_page(), title="Mentions légales"
    ),
    "a new country": lambda site: CountryFactory(),
    "a view restriction": lambda site: PageViewRestriction.objects.create(
        page=site["published"], restriction_type=PageViewRestriction.LOGIN
    ),
}


def rename(page, title):
    page.title = title
    page.save_revision().publish()


@pytest.mark.parametrize("change", SITE_WIDE_CHANGES.values(), ids=SITE_WIDE_CHANGES.keys())
def test_what_every_page_shows_purges_every_page(
    site, change, cdn, django_capture_on_commit_callbacks
):
    urls = [*SHOWS_A_THEME_ITEM, *UNRELATED]
    visitor = warm(urls)
    with django_capture_on_commit_callbacks(execute=True):
        change(site)
    assert cache_states(visitor, urls) == dict.fromkeys(urls, "MISS")
    purged = set().union(*cdn.batches)
    assert {ROOT + "/", ROOT + THEME, ROOT + f"{OTHER_THEME}publications/"} <= purged


def test_a_page_linking_to_an_item_is_purged_with_it(site, cdn, django_capture_on_commit_callbacks):
    """A promo of another theme links to the item (Wagtail's reference index finds it)."""
    other = site["other"]
    other.promos = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "À lire",
                "text": "Une actualité d'une autre thématique.",
                "link": {"page": site["published"].pk, "url": "", "label": "Lire"},
            },
        }
    ]
    other.save_revision().publish()
    visitor = warm([OTHER_THEME, f"{OTHER_THEME}ailleurs/"])
    assert 'href="/culture-patrimoine/deja-en-ligne/"' in text(visitor, OTHER_THEME)

    item = site["published"]
    item.slug = "nouvelle-adresse"
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()

    assert 'href="/culture-patrimoine/nouvelle-adresse/"' in text(visitor, OTHER_THEME)
    assert visitor.get(f"{OTHER_THEME}ailleurs/")["X-Cache"] == "HIT"
    assert ROOT + OTHER_THEME in set().union(*cdn.batches)
