"""Asking for a new link: the same answer for every address; an email only where one is due."""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks import task_backends

from newsletter.models import Subscriber

from .helpers import (
    confirmed_subscriber,
    link_in,
    pending_subscriber,
    signup_data,
    unsubscribed_subscriber,
)

pytestmark = pytest.mark.django_db

RESEND_URL = "/newsletter/renvoyer/"


def resend(client, email, network):
    return client.post(RESEND_URL, signup_data(email), REMOTE_ADDR=network, follow=True)


def test_resend_page_is_a_protected_form(client):
    response = client.get(RESEND_URL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert b"csrfmiddlewaretoken" in response.content


def test_the_answer_is_the_same_and_only_due_emails_are_sent(client):
    pending_subscriber("en-attente@exemple.org")
    confirmed_subscriber("abonne@exemple.org")
    unsubscribed_subscriber("parti@exemple.org")
    mail.outbox.clear()

    answers = {
        (response.status_code, tuple(response.redirect_chain), response.content)
        for response in [
            resend(client, email, f"192.0.2.{n}")
            for n, email in enumerate(
                [
                    "inconnu@exemple.org",
                    "en-attente@exemple.org",
                    "abonne@exemple.org",
                    "parti@exemple.org",
                ]
            )
        ]
    }

    assert len(answers) == 1
    [(_, redirect_chain, _)] = answers
    assert redirect_chain == (("/newsletter/renvoyer/envoye/", 302),)
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (
            ["en-attente@exemple.org"],
            "Confirmez votre inscription à la lettre d'actualités de l'AIMF",
        ),
        (["abonne@exemple.org"], "Vous êtes déjà abonné·e à la lettre d'actualités de l'AIMF"),
    ]


def test_a_resent_link_confirms_the_pending_request(client):
    pending_subscriber("en-attente@exemple.org")
    mail.outbox.clear()

    resend(client, "en-attente@exemple.org", "192.0.2.1")
    client.post(link_in(mail.outbox[0], "/newsletter/confirmer/"))

    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_bad_input_on_the_resend_form_is_answered_with_the_form(client):
    response = client.post(RESEND_URL, signup_data("pas-une-adresse"))

    assert response.status_code == 400
    assert "adresse e-mail valide" in response.content.decode()
    assert not mail.outbox


DEFERRED_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "newsletter": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["newsletter"],
    },
}


@override_settings(TASKS=DEFERRED_TASKS)
def test_the_request_does_the_same_work_for_every_address(client):
    """Issue 15, section 5: the page answers before any lookup or email, so its timing cannot
    tell a subscribed address from an unknown one; the worker does the rest."""
    confirmed_subscriber("abonne@exemple.org")
    mail.outbox.clear()

    for n, email in enumerate(["abonne@exemple.org", "inconnu@exemple.org"]):
        response = client.post(RESEND_URL, signup_data(email), REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 302

    assert not mail.outbox
    queued = task_backends["newsletter"].results
    assert [(result.task.name, result.args) for result in queued] == [
        ("send_new_link", ["abonne@exemple.org"]),
        ("send_new_link", ["inconnu@exemple.org"]),
    ]
    for result in queued:
        result.task.call(*result.args)
    assert [message.to for message in mail.outbox] == [["abonne@exemple.org"]]
