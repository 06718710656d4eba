"""Double opt-in links and unsubscribe links: signed, expiring where they should, never
replayable into a state the person left, and GET never unsubscribes."""

import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from newsletter.models import ConsentEvent, ConsentText, Subscriber, SuppressedAddress
from newsletter.subscriptions import erase
from newsletter.tokens import confirmation_token, unsubscribe_token

from .helpers import (
    SIGNUP_URL,
    actions_of,
    confirmed_subscriber,
    link_in,
    pending_subscriber,
    signup_data,
    subscriber_for,
    text_of,
)

pytestmark = pytest.mark.django_db

EIGHT_DAYS = 8 * 24 * 60 * 60


def confirmation_link(client, email="maire@exemple.org", **overrides):
    client.post(SIGNUP_URL, signup_data(email, **overrides))
    return link_in(mail.outbox[-1], "/newsletter/confirmer/")


def test_following_the_confirmation_link_confirms_and_records_when(client, themes):
    link = confirmation_link(client, themes=[themes[0].pk])

    response = client.post(link)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Votre inscription est confirmée" in text_of(response)
    subscriber = subscriber_for("maire@exemple.org")
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.last_activity_at == subscriber.confirmed_at
    assert list(subscriber.themes.all()) == [themes[0]]
    confirm = subscriber.consent_events.last()
    assert confirm.action == ConsentEvent.Action.CONFIRM
    assert confirm.method == ConsentEvent.Method.EMAIL_LINK
    assert confirm.consent_text == ConsentText.current()
    assert confirm.occurred_at == subscriber.confirmed_at


def test_the_welcome_email_carries_the_unsubscribe_link_and_both_headers(client):
    client.post(confirmation_link(client))

    welcome = mail.outbox[-1]
    assert welcome.subject.startswith("Bienvenue")
    unsubscribe_link = link_in(welcome, "/newsletter/desinscription/")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_link}>"
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message = welcome.message()
    assert message["List-Unsubscribe"] == f"<{unsubscribe_link}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [(html_body, _)] = welcome.alternatives
    assert unsubscribe_link in html_body


def test_the_welcome_email_lists_the_chosen_themes(client, themes):
    client.post(confirmation_link(client, themes=[themes[0].pk, themes[1].pk]))

    welcome = mail.outbox[-1]
    assert "de ces thématiques : Éducation, Environnement." in welcome.body
    [(html_body, _)] = welcome.alternatives
    assert "<li>Éducation</li>" in html_body


def test_the_confirmed_text_version_is_the_one_that_was_shown(client):
    shown = ConsentText.current()
    link = confirmation_link(client)
    newer = ConsentText.objects.create(text="Nouvelle formulation du consentement.")

    client.post(link)

    confirm = subscriber_for("maire@exemple.org").consent_events.last()
    assert confirm.consent_text == shown != newer


def test_a_replayed_confirmation_link_changes_nothing(client):
    link = confirmation_link(client)
    client.post(link)
    mail.outbox.clear()

    response = client.post(link)

    assert response.status_code == 200
    assert "déjà confirmée" in text_of(response)
    assert actions_of(subscriber_for("maire@exemple.org")) == ["subscribe", "confirm"]
    assert not mail.outbox, "No second welcome email."


def test_a_confirmation_link_cannot_undo_a_later_unsubscription(client):
    link = confirmation_link(client)
    client.post(link)
    subscriber = subscriber_for("maire@exemple.org")
    client.post(f"/newsletter/desinscription/{unsubscribe_token(subscriber)}/")

    response = client.post(link)

    assert response.status_code == 410
    assert "n'est plus valable" in text_of(response)
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.UNSUBSCRIBED


def test_an_expired_confirmation_link_offers_a_new_one(client):
    subscriber = pending_subscriber()
    with mock.patch("django.core.signing.time.time", return_value=time.time() - EIGHT_DAYS):
        token = confirmation_token(subscriber.open_request())

    response = client.get(f"/newsletter/confirmer/{token}/")

    assert response.status_code == 410
    assert "Ce lien a expiré" in text_of(response)
    assert 'href="/newsletter/renvoyer/"' in response.content.decode()
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "eyJzIjoiMDAwIiwiZSI6MX0:1tXyZ:forgedsignature",
        "x" * 5000,
    ],
)
def test_a_forged_or_truncated_confirmation_link_is_refused(client, token):
    pending_subscriber()

    response = client.get(f"/newsletter/confirmer/{token}/")

    assert response.status_code == 400
    assert "Ce lien n'est pas valide" in text_of(response)
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.PENDING


def test_a_token_made_for_unsubscribing_does_not_confirm(client):
    subscriber = pending_subscriber()

    response = client.get(f"/newsletter/confirmer/{unsubscribe_token(subscriber)}/")

    assert response.status_code == 400
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.PENDING


def test_a_link_for_an_erased_subscriber_is_no_longer_valid(client):
    link = confirmation_link(client)
    erase(subscriber_for("maire@exemple.org"), ConsentEvent.Method.ADMIN)

    response = client.post(link)

    assert response.status_code == 410


def test_confirming_a_resubscription_lifts_the_suppression(client):
    link = confirmation_link(client)
    client.post(link)
    erase(subscriber_for("maire@exemple.org"), ConsentEvent.Method.ADMIN)
    assert SuppressedAddress.objects.count() == 1

    client.post(confirmation_link(client))

    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.CONFIRMED
    assert not SuppressedAddress.objects.exists()


def unsubscribe_url(subscriber):
    return f"/newsletter/desinscription/{unsubscribe_token(subscriber)}/"


def test_get_on_the_unsubscribe_link_only_shows_the_button(client):
    subscriber = confirmed_subscriber()

    response = client.get(unsubscribe_url(subscriber))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Me désinscrire" in text_of(response)
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.CONFIRMED
    assert actions_of(subscriber) == ["subscribe", "confirm"]


def test_the_button_unsubscribes_without_a_csrf_token():
    subscriber = confirmed_subscriber()

    response = Client(enforce_csrf_checks=True).post(unsubscribe_url(subscriber))

    assert response.status_code == 200
    assert "Vous êtes désinscrit" in text_of(response)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    event = subscriber.consent_events.last()
    assert (event.action, event.method) == ("unsubscribe", "email_link")


def test_the_mail_clients_one_click_post_unsubscribes_without_a_page():
    subscriber = confirmed_subscriber()

    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Désinscription enregistrée."
    event = subscriber_for("maire@exemple.org").consent_events.last()
    assert (event.action, event.method) == ("unsubscribe", "one_click")


def test_unsubscribing_twice_changes_nothing_the_second_time(client):
    subscriber = confirmed_subscriber()
    client.post(unsubscribe_url(subscriber))

    again = client.post(unsubscribe_url(subscriber))
    page = client.get(unsubscribe_url(subscriber))

    assert again.status_code == 200
    assert actions_of(subscriber) == ["subscribe", "confirm", "unsubscribe"]
    assert "Me désinscrire" not in text_of(page)


def test_a_forged_unsubscribe_link_is_refused_with_a_way_out(client):
    subscriber = confirmed_subscriber()

    response = client.post(f"/newsletter/desinscription/{unsubscribe_token(subscriber)}x/")

    assert response.status_code == 400
    assert "Ce lien de désinscription est incomplet" in text_of(response)
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.CONFIRMED


def test_resubscribing_after_unsubscribing_is_possible_and_logged(client):
    client.post(confirmation_link(client))
    subscriber = subscriber_for("maire@exemple.org")
    client.post(unsubscribe_url(subscriber))

    client.post(confirmation_link(client))

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.unsubscribed_at is None
    assert actions_of(subscriber) == [
        "subscribe",
        "confirm",
        "unsubscribe",
        "resubscribe",
        "confirm",
    ]


def test_opening_the_confirmation_link_only_shows_a_button(client):
    """Issue 18, item 15: mail scanners open links; only the person's click confirms."""
    link = confirmation_link(client)

    opened = client.get(link)
    head = client.head(link)

    assert opened.status_code == head.status_code == 200
    assert "no-store" in opened["Cache-Control"]
    form = BeautifulSoup(opened.content, "html.parser").find("main").find("form")
    assert form["method"] == "post"
    assert form.find("button").get_text(strip=True) == "Confirmer mon inscription"
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1


def test_the_button_confirms_without_a_csrf_token_or_a_login():
    link = confirmation_link(Client())

    response = Client(enforce_csrf_checks=True).post(link)

    assert response.status_code == 200
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.CONFIRMED


def test_a_head_request_never_unsubscribes(client):
    subscriber = confirmed_subscriber()

    response = client.head(unsubscribe_url(subscriber))

    assert response.status_code == 200
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.CONFIRMED
