"""What comes back from the email provider (bounces, complaints) and from subscribers (their
theme choices), each recorded in the consent log."""

import base64
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client, TestCase

from aimf_portal.factories import ThemePageFactory
from newsletter.bounces import COMPLAINT_REASON, HARD_BOUNCE_REASON
from newsletter.factories import NewsletterIssuePageFactory
from newsletter.models import ConsentEvent, ProviderEvent, Subscriber
from newsletter.sending import start_campaign
from newsletter.tokens import preferences_token

from .helpers import actions_of, confirmed_subscriber, text_of, unsubscribed_subscriber

pytestmark = pytest.mark.django_db

BREVO_URL = "/newsletter/webhooks/brevo/tracking/"
MAILJET_URL = "/newsletter/webhooks/mailjet/tracking/"


def auth(credentials="fournisseur:secret-de-test"):
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(credentials.encode()).decode()}


def brevo_event(event, email="maire@exemple.org", **extra):
    return {
        "event": event,
        "email": email,
        "ts_epoch": 1767225600000,
        "message-id": "<x@y>",
        **extra,
    }


def post(url, payload, credentials="fournisseur:secret-de-test"):
    return Client().post(
        url, json.dumps(payload), content_type="application/json", **auth(credentials)
    )


def sent_delivery(email="maire@exemple.org"):
    subscriber = confirmed_subscriber(email)
    with TestCase.captureOnCommitCallbacks(execute=True):
        campaign = start_campaign(NewsletterIssuePageFactory(), [], None)
    return campaign.deliveries.get(subscriber=subscriber)


def test_a_hard_bounce_excludes_the_address_with_its_reason():
    delivery = sent_delivery()

    response = post(
        BREVO_URL,
        brevo_event(
            "hard_bounce", **{"X-Mailin-custom": json.dumps({"delivery": str(delivery.pk)})}
        ),
    )

    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.SUPPRESSED
    event = subscriber.consent_events.last()
    assert (event.action, event.method, event.reason) == (
        ConsentEvent.Action.SUPPRESS,
        ConsentEvent.Method.PROVIDER,
        HARD_BOUNCE_REASON,
    )
    delivery.refresh_from_db()
    assert delivery.bounced_at is not None


def test_a_complaint_excludes_the_address_and_counts_in_the_report():
    delivery = sent_delivery()

    post(
        BREVO_URL,
        brevo_event("spam", **{"X-Mailin-custom": json.dumps({"delivery": str(delivery.pk)})}),
    )

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.SUPPRESSED
    assert subscriber.consent_events.last().reason == COMPLAINT_REASON
    delivery.refresh_from_db()
    assert delivery.complained_at is not None


@pytest.mark.parametrize("credentials", ["fournisseur:mauvais", "autre:secret-de-test"])
def test_a_webhook_with_bad_credentials_is_refused_and_changes_nothing(credentials):
    confirmed_subscriber()

    response = post(BREVO_URL, brevo_event("hard_bounce"), credentials)
    unauthenticated = Client().post(
        BREVO_URL, json.dumps(brevo_event("hard_bounce")), content_type="application/json"
    )

    assert response.status_code == unauthenticated.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    assert not ProviderEvent.objects.exists()


def test_a_replayed_webhook_changes_nothing_twice():
    confirmed_subscriber()
    soft = brevo_event("soft_bounce")

    for _ in range(5):
        assert post(BREVO_URL, soft).status_code == 200

    subscriber = Subscriber.objects.get()
    assert subscriber.soft_bounces == 1
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert ProviderEvent.objects.count() == 1


def test_soft_bounces_exclude_after_the_limit(settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 2
    confirmed_subscriber()

    post(BREVO_URL, brevo_event("soft_bounce", ts_epoch=1))
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    post(BREVO_URL, brevo_event("soft_bounce", ts_epoch=2))

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.SUPPRESSED
    assert subscriber.consent_events.last().reason.startswith("2 rebonds temporaires")


def test_mailjet_bounces_are_read_too():
    confirmed_subscriber()
    payload = [
        {
            "event": "bounce",
            "time": 1767225600,
            "email": "maire@exemple.org",
            "MessageID": 123,
            "hard_bounce": True,
            "error_related_to": "recipient",
            "error": "user unknown",
        }
    ]

    assert post(MAILJET_URL, payload).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.SUPPRESSED


def test_a_bounce_for_an_unknown_address_is_accepted_and_ignored():
    response = post(BREVO_URL, brevo_event("hard_bounce", email="inconnu@exemple.org"))

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


# The preferences page


def preferences_url(subscriber):
    return f"/newsletter/preferences/{preferences_token(subscriber)}/"


def test_the_preferences_page_shows_the_chosen_themes(client):
    culture, sport = ThemePageFactory(title="Culture"), ThemePageFactory(title="Sport")
    subscriber = confirmed_subscriber(themes=[culture])

    response = client.get(preferences_url(subscriber))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    checked = [box["value"] for box in response_html(response).select("input[checked]")]
    assert checked == [str(culture.pk)]
    assert sport.title in text_of(response)


def test_each_change_of_themes_is_a_consent_event(client):
    culture, sport = ThemePageFactory(title="Culture"), ThemePageFactory(title="Sport")
    subscriber = confirmed_subscriber(themes=[culture])

    response = client.post(preferences_url(subscriber), {"themes": [sport.pk]})
    client.post(preferences_url(subscriber), {"themes": [sport.pk]})  # the same: nothing new

    assert response.status_code == 200
    assert "Vos choix sont enregistrés." in text_of(response)
    assert list(subscriber.themes.all()) == [sport]
    assert actions_of(subscriber) == ["subscribe", "confirm", "preferences"]
    assert list(subscriber.consent_events.last().themes.all()) == [sport]


def test_bad_input_on_the_preferences_page_is_answered_in_french(client):
    subscriber = confirmed_subscriber()

    unknown_theme = client.post(preferences_url(subscriber), {"themes": ["999999"]})
    forged = client.get("/newsletter/preferences/pas-un-jeton/")

    assert unknown_theme.status_code == 400
    assert "Choisissez les thématiques dans la liste proposée." in text_of(unknown_theme)
    assert forged.status_code == 400
    assert "Ce lien vers vos thématiques est incomplet" in text_of(forged)
    assert actions_of(subscriber) == ["subscribe", "confirm"]


def test_an_unsubscribed_person_cannot_change_themes(client):
    subscriber = unsubscribed_subscriber()

    response = client.post(preferences_url(subscriber), {"themes": []})

    assert "ne reçoit pas la lettre" in text_of(response)
    assert actions_of(subscriber) == ["subscribe", "confirm", "unsubscribe"]


def response_html(response):
    return BeautifulSoup(response.content, "html.parser").find("main")
