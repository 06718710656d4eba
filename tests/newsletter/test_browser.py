"""A visitor signs up from the footer of a theme page, confirms from the email, and leaves
through the unsubscribe link, in a real Chromium with JavaScript on."""

import pytest
from django.core import mail

from aimf_portal.models import ThemePage
from newsletter.models import Subscriber

from .helpers import actions_of, link_in, subscriber_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sign_up_from_the_footer_confirm_then_unsubscribe(
    live_server, site_at_live_server, browser_page, home, settings
):
    # The browser fills the form in well under the minimum fill time, tested on its own elsewhere.
    settings.NEWSLETTER_MIN_FILL_SECONDS = 0
    theme = home.add_child(
        instance=ThemePage(title="Climat et énergie", slug="climat", intro="<p>Intro.</p>")
    )
    page = browser_page

    page.goto(f"{live_server.url}{theme.url}")
    footer = page.locator("footer")
    footer.get_by_label("Adresse e-mail").fill("Maire.Navigateur@Exemple.org")
    footer.get_by_text("Choisir des thématiques (facultatif)").click()
    footer.get_by_label("Climat et énergie").check()
    footer.get_by_role("checkbox", name="J'accepte que l'AIMF m'envoie").check()
    footer.get_by_role("button", name="Je m'abonne").click()

    status = footer.get_by_role("status")
    status.filter(has_text="Merci !").wait_for()
    assert page.url == f"{live_server.url}{theme.url}", "Submitted in place."
    assert footer.get_by_label("Adresse e-mail").input_value() == ""
    [confirmation] = mail.outbox
    assert confirmation.to == ["Maire.Navigateur@exemple.org"]

    page.goto(link_in(confirmation, "/newsletter/confirmer/"))
    assert subscriber_for("maire.navigateur@exemple.org").status == Subscriber.Status.PENDING
    page.get_by_role("button", name="Confirmer mon inscription").click()
    page.get_by_role("heading", level=1).filter(has_text="confirmée").wait_for()
    assert page.get_by_role("heading", level=1).inner_text() == "Votre inscription est confirmée"

    welcome = mail.outbox[-1]
    page.goto(link_in(welcome, "/newsletter/desinscription/"))
    assert subscriber_for("maire.navigateur@exemple.org").status == Subscriber.Status.CONFIRMED
    page.get_by_role("button", name="Me désinscrire").click()
    page.get_by_role("heading", name="Vous êtes désinscrit·e").wait_for()

    subscriber = subscriber_for("maire.navigateur@exemple.org")
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert actions_of(subscriber) == ["subscribe", "confirm", "unsubscribe"]
    assert subscriber.consent_events.first().source_page == theme.url
    assert [t.title for t in subscriber.consent_events.first().themes.all()] == [
        "Climat et énergie"
    ]
