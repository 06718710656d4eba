"""Cached menus, footer, private sections and cards change on the next request after an edit."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction, Site

from aimf_portal.caching import generations
from aimf_portal.caching.site_data import cached
from aimf_portal.factories import StandardPageFactory, ThemePageFactory, home_page
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def menu_titles(client, url="/"):
    soup = parse(client.get(url))
    return [link.get_text(strip=True) for link in soup.select(".theme-nav__list a")]


def card_titles(client, url):
    return [link.get_text(strip=True) for link in parse(client.get(url)).select(".card__title a")]


def test_a_new_theme_reaches_the_menu_and_an_unpublished_one_leaves_it(client):
    ThemePageFactory(title="Climat")
    assert menu_titles(client) == ["Climat"]
    santé = ThemePageFactory(title="Santé")
    assert menu_titles(client) == ["Climat", "Santé"]
    santé.unpublish()
    assert menu_titles(client) == ["Climat"]


def test_a_new_footer_page_is_linked_at_once(client):
    client.get("/")
    StandardPageFactory(parent=home_page(), title="Mentions légales")
    footer = parse(client.get("/")).select(".site-footer__links a")
    assert [link.get_text(strip=True) for link in footer] == ["Mentions légales"]


def test_restricting_a_section_hides_its_items_on_the_next_request(client, theme):
    news = NewsPageFactory(parent=theme, title="Réunion interne", image=None)
    assert card_titles(client, "/culture-patrimoine/actualites/") == ["Réunion interne"]
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    assert card_titles(client, "/culture-patrimoine/actualites/") == []


def test_a_republished_item_shows_its_new_title_on_its_card(client, theme):
    news = NewsPageFactory(parent=theme, title="Titre provisoire")
    assert card_titles(client, "/culture-patrimoine/") == ["Titre provisoire"]
    news.title = "Titre définitif"
    news.save_revision().publish()
    assert card_titles(client, "/culture-patrimoine/") == ["Titre définitif"]


def test_a_moved_item_links_to_its_new_address(client, theme):
    other = ThemePageFactory(title="Gouvernance locale")
    news = NewsPageFactory(parent=theme, title="Nouvelle adresse", image=None)
    client.get("/")
    news.move(other, pos="last-child")
    links = parse(client.get("/")).select(".card__title a")
    assert [link["href"] for link in links] == ["/gouvernance-locale/nouvelle-adresse/"]


def test_with_the_page_cache_off_a_theme_shows_a_publish_at_once_and_others_keep_theirs(
    client, theme, settings, django_assert_num_queries
):
    """The theme page's sections are cached under their theme's generation only."""
    settings.PAGE_CACHE_TIMEOUT = 0
    other = ThemePageFactory(title="Gouvernance locale")
    NewsPageFactory(parent=other, title="Ailleurs", image=None)
    news = NewsPageFactory(parent=theme, title="Titre provisoire", image=None)
    client.get(other.url)
    assert card_titles(client, theme.url) == ["Titre provisoire"]
    news.title = "Titre définitif"
    news.save_revision().publish()
    assert card_titles(client, theme.url) == ["Titre définitif"]
    with django_assert_num_queries(0):
        client.get(other.url)


def test_a_theme_preview_shows_the_draft_not_the_cached_live_content(client, theme):
    live = "Ce que font les villes de l'association sur cette thématique."
    assert hero_intro(client.get(theme.url)) == live
    theme.intro = "<p>Introduction en cours de rédaction.</p>"

    assert hero_intro(theme.make_preview_request()) == "Introduction en cours de rédaction."
    assert hero_intro(client.get(theme.url)) == live


def test_made_up_filter_values_are_answered_after_the_unfiltered_page_was_cached(client, theme):
    PublicationPageFactory(parent=theme, title="Rencontres", image=None, countries=["FR"])
    ignored = "Certains filtres de l'adresse ont été ignorés"
    assert ignored not in client.get(theme.url).text

    assert ignored in client.get(theme.url, {"pays": "zz"}).text


def country_options(client, theme):
    soup = parse(client.get(theme.url))
    return [label.get_text(" ", strip=True) for label in soup.select(".facets label[for*=pays]")]


@pytest.fixture
def untagged_behind_wagtails_back(theme):
    """Removes a publication's country with no signal a purge listens to (as SQL would)."""
    publication = PublicationPageFactory(parent=theme, title="Rencontres", countries=["FR"])
    return lambda: publication.countries.through.objects.filter(content_object=publication).delete()


def test_cached_fragments_keep_the_content_until_a_purge(
    client, theme, settings, untagged_behind_wagtails_back
):
    settings.PAGE_CACHE_TIMEOUT = 0
    assert country_options(client, theme) == ["France (1)"]
    untagged_behind_wagtails_back()
    assert country_options(client, theme) == ["France (1)"]


def test_with_fragment_caching_off_the_content_is_rendered_every_time(
    client, theme, settings, untagged_behind_wagtails_back
):
    settings.PAGE_CACHE_TIMEOUT = 0
    settings.FRAGMENT_CACHE_TIMEOUT = 0
    assert country_options(client, theme) == ["France (1)"]
    untagged_behind_wagtails_back()
    assert country_options(client, theme) == []


def hero_intro(response):
    return parse(response).select_one(".hero__intro").get_text(strip=True)


def test_a_theme_given_a_new_slug_answers_there_at_once_and_no_longer_at_the_old_one(client, theme):
    assert client.get("/culture-patrimoine/").status_code == 200
    theme.slug = "patrimoine"
    theme.save_revision().publish()

    assert client.get("/patrimoine/").status_code == 200
    assert client.get("/culture-patrimoine/").status_code == 404


def test_an_unknown_address_under_the_home_page_is_a_french_404(client, theme):
    client.get(theme.url)
    response = client.get("/pas-de-page-ici/")
    assert response.status_code == 404
    assert '<html lang="fr">' in response.content.decode()


def test_restricting_a_theme_asks_visitors_to_log_in_on_the_next_request(client, theme):
    assert client.get(theme.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=theme, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(theme.url)
    assert response.status_code == 302 and "login" in response["Location"]

    restriction.delete()
    assert client.get(theme.url).status_code == 200


@pytest.mark.parametrize("restricted", ["theme", "item"])
def test_restricting_an_item_or_its_theme_asks_for_a_login_on_the_next_request(
    client, theme, restricted
):
    """An item reads its view restrictions from its theme's, kept in the cache, when nothing is
    set on the item itself (ThemeItemPage.get_view_restrictions)."""
    news = NewsPageFactory(parent=theme, image=None)
    assert client.get(news.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=theme if restricted == "theme" else news, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(news.url)
    assert response.status_code == 302 and "login" in response["Location"]

    restriction.delete()
    assert client.get(news.url).status_code == 200


def test_the_admin_still_orders_a_theme_s_restrictions(admin_client, theme):
    PageViewRestriction.objects.create(page=theme, restriction_type=PageViewRestriction.LOGIN)
    response = admin_client.get(f"/admin/pages/{theme.pk}/privacy/")
    assert response.status_code == 200


def test_an_address_seen_before_shows_an_edit_made_since_its_last_visit(client, theme):
    client.get(theme.url)
    client.get(theme.url)
    theme.title = "Culture et patrimoine"
    theme.save_revision().publish()

    soup = parse(client.get(theme.url))
    assert soup.select_one("h1").get_text(strip=True) == "Culture et patrimoine"
    assert soup.title.get_text().startswith("Culture et patrimoine")
    assert "Culture et patrimoine" in menu_titles(client, theme.url)


def canonical_url(response):
    return parse(response).select_one('link[rel="canonical"]')["href"]


def test_a_theme_s_cached_head_names_the_site_of_the_host_it_was_asked_on(client, theme):
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=home_page())

    assert canonical_url(client.get(theme.url)) == "http://localhost/culture-patrimoine/"
    on_second_site = client.get(theme.url, HTTP_HOST="127.0.0.1")
    assert canonical_url(on_second_site) == "http://127.0.0.1/culture-patrimoine/"


def test_site_wide_data_is_kept_in_the_process_until_another_server_moves_the_site(
    monkeypatch,
):
    """A page never seen before reads the menu or the country list from the process, not the
    cache; a publish on another server (its generation moved in the shared cache) rebuilds it."""
    builds = []

    def build():
        builds.append(len(builds) + 1)
        return builds[-1]

    with generations.memo_for_request("/premiere-adresse/"):
        assert cached("essai-processus", build) == 1
    data_reads = []
    real_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *a, **kw: data_reads.append(key) or real_get(key, *a, **kw)
    )
    with generations.memo_for_request("/autre-adresse/"):
        assert cached("essai-processus", build) == 1
    assert not [key for key in data_reads if key.startswith("aimf-data:")]

    cache.incr(generations.key(generations.SITE))  # what a publish elsewhere does
    with generations.memo_for_request("/troisieme-adresse/"):
        assert cached("essai-processus", build) == 2
