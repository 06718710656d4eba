"""The theme page's publication filter in a real Chromium, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory

SECTION = "#section-publications"
RESULTS = "#publications-resultats .card__title a"
CARDS = "#publications-resultats .card"


@pytest.fixture
def theme_with_publications(theme):
    PublicationPageFactory(parent=theme, title="Cahier béninois", countries=["BJ"], image=None)
    PublicationPageFactory(parent=theme, title="Cahier tunisien", countries=["TN"], image=None)
    PublicationPageFactory(parent=theme, title="Guide camerounais", countries=["CM"], image=None)
    NewsPageFactory(parent=theme, title="Nouvelles de Hué", countries=["VN"], image=None)
    return theme


def listed(page):
    return sorted(page.locator(RESULTS).all_inner_texts())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ticking_countries_updates_results_in_place(
    live_server, browser_page, theme_with_publications
):
    page = browser_page
    page.goto(f"{live_server.url}/culture-patrimoine/")
    page.evaluate("window.loadedOnce = true")
    page.locator(f"{SECTION} summary").click()  # the filter is folded until asked for

    page.locator("#publications-pays-bj").check()
    page.wait_for_url(re.compile(r"\?pays=bj#section-publications$"))
    page.locator("#publications-pays-tn").check()
    page.wait_for_url(re.compile(r"\?pays=bj&pays=tn#section-publications$"))
    # Locator waits: the page's Content-Security-Policy forbids the eval behind wait_for_function.
    expect(page.locator(CARDS)).to_have_count(2)

    assert listed(page) == ["Cahier béninois", "Cahier tunisien"]
    assert page.locator("#publications-statut").inner_text() == ("2 publications avec ces filtres")
    assert page.evaluate("window.loadedOnce") is True, "the page was reloaded"
    assert page.evaluate("document.activeElement.id") == "publications-pays-tn"
    assert "Nouvelles de Hué" in page.locator("#section-actualites").inner_text()

    page.go_back()
    page.wait_for_url(re.compile(r"\?pays=bj#section-publications$"))
    expect(page.locator(CARDS)).to_have_count(1)
    assert listed(page) == ["Cahier béninois"]
    assert page.locator("#publications-pays-tn").is_checked() is False


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_filter_works_without_javascript(
    live_server, browser_page_without_js, theme_with_publications
):
    page = browser_page_without_js
    page.goto(f"{live_server.url}/culture-patrimoine/")
    page.locator(f"{SECTION} summary").click()
    page.locator("#publications-pays-bj").check()
    page.locator("#publications-pays-cm").check()
    page.locator(f"{SECTION} button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?pays=bj&pays=cm#section-publications$"))

    assert listed(page) == ["Cahier béninois", "Guide camerounais"]
    assert page.locator("#publications-pays-bj").is_checked()
    assert page.locator("#publications-pays-cm").is_checked()
    chips = page.locator(f"{SECTION} .chip").all_inner_texts()
    assert [chip.split("\n")[0] for chip in chips] == ["Bénin ×", "Cameroun ×", "Tout effacer"]


def pagination(page):
    """(number, is current) of the numbered links, as a screen reader lists them."""
    links = page.locator(".pagination a:not([rel])")
    return [
        (link.inner_text(), link.get_attribute("aria-current") == "page") for link in links.all()
    ]


@pytest.fixture
def many_news(theme):
    NewsPageFactory.create_in_bulk(theme, 30, image=None, countries=["BJ"])
    NewsPageFactory.create_in_bulk(theme, 3, image=None, countries=["SN"])
    return theme


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("javascript", [True, False], ids=["avec JavaScript", "sans JavaScript"])
def test_numbered_pages_keep_the_selection(live_server, browser, many_news, javascript):
    context = browser.new_context(locale="fr-FR", java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/actualites/?utm_source=lettre")
    assert pagination(page) == [("1", True), ("2", False), ("3", False)]

    page.locator("#filtre-pays-bj").check()
    if not javascript:
        page.locator("#filtre-formulaire button[type=submit]").click()
    page.wait_for_url(re.compile(r"/actualites/\?pays=bj$"))
    expect(page.locator(".pagination a:not([rel])")).to_have_count(3)
    page.get_by_role("link", name="Page 3", exact=True).click()

    page.wait_for_url(re.compile(r"/actualites/\?pays=bj&page=3$"))
    assert pagination(page) == [("1", False), ("2", False), ("3", True)]
    assert page.locator("#filtre-resultats .card").count() == 6
    context.close()
