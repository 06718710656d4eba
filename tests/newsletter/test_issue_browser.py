"""An issue's whole life in a real Chromium: a Rédacteur writes it and submits it, an Éditeur
approves it, the « Newsletter » group sends it, and a subscriber leaves through the unsubscribe
link of that very issue."""

import pytest
from django.core import mail

from newsletter.factories import NewsletterIndexPageFactory
from newsletter.models import Campaign, NewsletterIssuePage, Subscriber
from tests.editorial.helpers import EDITEURS, NEWSLETTER, REDACTEURS, account, log_in

from .helpers import actions_of, confirmed_subscriber, subscriber_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Lettre de mars : les villes et l'eau"


def logged_in(browser, base_url, username):
    page = browser.new_context(locale="fr-FR").new_page()
    log_in(page, base_url, username)
    return page


def test_written_approved_sent_and_left_from_the_issue(
    live_server, site_at_live_server, browser, django_user_model, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    account(django_user_model, "redactrice", REDACTEURS)
    account(django_user_model, "editeur", EDITEURS)
    account(django_user_model, "lettre", NEWSLETTER)
    index = NewsletterIndexPageFactory()
    confirmed_subscriber("maire@exemple.org")
    confirmed_subscriber("adjointe@exemple.org")
    base_url = live_server.url

    writer = logged_in(browser, base_url, "redactrice")
    writer.goto(f"{base_url}/admin/pages/add/newsletter/newsletterissuepage/{index.pk}/")
    writer.wait_for_load_state("networkidle")
    writer.locator("#id_title").press_sequentially(TITLE)
    writer.locator("#id_title").press("Tab")
    writer.locator("#body-root .c-sf-add-button").first.click()
    writer.get_by_role("option", name="Introduction").click()
    editor = writer.locator("#body-root .public-DraftEditor-content").first
    editor.wait_for()
    editor.click()
    editor.press_sequentially("Bonjour à toutes et à tous, voici les nouvelles du mois.")
    editor.filter(has_text="voici les nouvelles du mois.").wait_for()
    # Draftail writes the hidden field the form submits a moment after the last keystroke.
    writer.wait_for_function(
        "() => document.querySelector('input[name=body-0-value]').value.includes('du mois')"
    )
    submit = writer.locator("button[name=action-submit]")
    writer.locator(".w-dropdown", has=submit).locator("[data-w-dropdown-target=toggle]").click()
    submit.wait_for()
    with writer.expect_navigation():
        submit.click()
    issue = NewsletterIssuePage.objects.get(title=TITLE)
    assert issue.workflow_in_progress and not issue.live

    reviewer = logged_in(browser, base_url, "editeur")
    row = reviewer.locator(
        "section", has=reviewer.get_by_role("heading", name="En attente de votre vérification")
    ).locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approuver", exact=True).click()
    row.wait_for(state="detached")
    issue.refresh_from_db()
    assert issue.live

    # The group has no page rights: it finds the issue through its own menu.
    sender = logged_in(browser, base_url, "lettre")
    sender.get_by_role("button", name="Newsletter").click()
    sender.get_by_role("link", name="Lettres à envoyer").click()
    sender.get_by_role("link", name=TITLE, exact=True).click()
    sender.wait_for_url(f"{base_url}/admin/newsletter/envoyer/{issue.pk}/")
    sender.get_by_role("button", name="Envoyer à 2 destinataires").click()
    sender.locator("main strong", has_text="terminé").wait_for()
    assert Campaign.objects.get().status == Campaign.Status.SENT
    [message] = [m for m in mail.outbox if m.to == ["maire@exemple.org"]]
    assert message.subject == TITLE
    assert "Bonjour à toutes et à tous" in message.body

    reader = browser.new_context(locale="fr-FR").new_page()
    reader.goto(message.extra_headers["List-Unsubscribe"][1:-1])
    reader.get_by_role("button", name="Me désinscrire").click()
    reader.get_by_role("heading", name="Vous êtes désinscrit·e").wait_for()
    subscriber = subscriber_for("maire@exemple.org")
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert actions_of(subscriber)[-1] == "unsubscribe"
    assert Campaign.objects.get().deliveries.get(subscriber=subscriber).unsubscribed_at
    assert subscriber_for("adjointe@exemple.org").status == Subscriber.Status.CONFIRMED
