"""The editor's journey in a real Chromium: a Rédacteur writes a news item under Culture /
Patrimoine with an image and two countries and submits it; an Éditeur approves it from the
dashboard; the news item comes first in the theme page's Actualités and in both feeds."""

import datetime
import xml.etree.ElementTree as ElementTree

import pytest

from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

from .helpers import EDITEURS, REDACTEURS, account, add_news_url, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Le patrimoine de Hué restauré"


def test_a_redacteur_writes_an_editeur_approves_the_theme_page_shows_it(
    live_server, browser, theme, django_user_model, settings
):
    # Autosave would race the test's typing: a draft saved half-filled makes the run flaky.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    account(django_user_model, "redactrice", REDACTEURS)
    account(django_user_model, "editeur", EDITEURS)
    ImageFactory(title="Citadelle de Hué", description="La porte de la citadelle de Hué")
    NewsPageFactory(
        parent=theme,
        title="Une actualité plus ancienne",
        date=datetime.date(2024, 1, 15),
        image=None,
    )

    writer = browser.new_context(locale="fr-FR").new_page()
    log_in(writer, live_server.url, "redactrice")
    writer.goto(f"{live_server.url}{add_news_url(theme)}")
    # Typed key by key once the admin's scripts run, as the slug follows the title's keystrokes.
    writer.wait_for_load_state("networkidle")
    writer.locator("#id_title").press_sequentially(TITLE)
    writer.locator("#id_title").press("Tab")
    writer.locator("#id_teaser").fill("La citadelle rouvre ses portes après trois ans de travaux.")
    writer.locator("#body-root .c-sf-add-button").first.click()
    writer.get_by_role("option", name="Paragraphe").click()
    writer.locator("#body-root .public-DraftEditor-content").first.click()
    writer.keyboard.type(
        "Après trois ans de travaux, la porte du Midi accueille de nouveau le public."
    )
    writer.get_by_role("tab", name="Classement").click()
    cities = writer.locator('#tab-classement [data-contentpath="cities"] .tagit-new input')
    cities.fill("hue")
    writer.locator(".ui-autocomplete li", has_text="Hué").click()
    countries = writer.locator('#tab-classement [data-contentpath="countries"] .tagit-new input')
    for country in ("Bénin", "Vietnam"):
        countries.fill(country[:3])
        writer.locator(".ui-autocomplete li", has_text=country).click()
    writer.get_by_role("tab", name="Image").click()
    writer.locator("#id_image-chooser").get_by_role("button", name="Choisir une image").click()
    writer.locator(".modal").get_by_role("link", name="Citadelle de Hué").click()
    writer.locator("#id_image-chooser .chooser__title", has_text="Citadelle de Hué").wait_for()
    assert writer.locator("#id_slug").input_value() == "le-patrimoine-de-hue-restaure"
    # A Rédacteur's action menu offers to submit, never to publish.
    submit = writer.locator("button[name=action-submit]")
    assert writer.locator("button[name=action-publish]").count() == 0
    writer.locator(".w-dropdown", has=submit).locator("[data-w-dropdown-target=toggle]").click()
    submit.wait_for()
    with writer.expect_navigation():
        submit.click()
    # Submitted, the admin goes back to the theme's list of pages.
    writer.wait_for_url(f"{live_server.url}/admin/pages/{theme.pk}/")
    news = NewsPage.objects.get(title=TITLE)
    assert news.workflow_in_progress and not news.live
    assert [country.code for country in news.sorted_countries()] == ["BJ", "VN"]
    assert news.image.title == "Citadelle de Hué"

    reviewer = browser.new_context(locale="fr-FR").new_page()
    log_in(reviewer, live_server.url, "editeur")
    queue = reviewer.locator(
        "section", has=reviewer.get_by_role("heading", name="En attente de votre vérification")
    )
    row = queue.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approuver", exact=True).click()
    # The dashboard reloads without the approved page in its queue.
    reviewer.get_by_role("heading", name="Programmation").wait_for()
    row.wait_for(state="detached")
    news.refresh_from_db()
    assert news.live and not news.workflow_in_progress

    reviewer.goto(f"{live_server.url}{theme.url}")
    titles = reviewer.locator("#section-actualites .card__title").all_inner_texts()
    assert titles == [TITLE, "Une actualité plus ancienne"]
    for feed_path in (f"{theme.url}rss/", "/rss/"):
        assert feed_titles(reviewer, f"{live_server.url}{feed_path}") == [
            TITLE,
            "Une actualité plus ancienne",
        ], feed_path


def feed_titles(page, url):
    response = page.request.get(url)
    assert response.ok, url
    channel = ElementTree.fromstring(response.body()).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]
