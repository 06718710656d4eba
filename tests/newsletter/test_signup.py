"""Signing up: the page, the footer form, double opt-in, no enumeration, CSRF, failing email."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client, override_settings

from newsletter.forms import INVALID_EMAIL_MESSAGE
from newsletter.models import ConsentEvent, ConsentText, Subscriber

from .helpers import (
    SIGNUP_URL,
    actions_of,
    confirmed_subscriber,
    link_in,
    pending_subscriber,
    signup_data,
    subscriber_for,
    text_of,
    unsubscribed_subscriber,
)

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def test_signup_page_has_one_h1_a_csrf_token_and_an_unticked_consent(client, privacy_page):
    response = client.get(SIGNUP_URL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = BeautifulSoup(response.content, "html.parser")
    assert len(html.find_all("h1")) == 1
    form = html.find("form", class_="newsletter-form--page")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    consent = form.find("input", attrs={"name": "consent"})
    assert not consent.has_attr("checked")
    label = form.find("label", attrs={"for": consent["id"]})
    assert ConsentText.current().text in label.get_text()
    assert label.find("a")["href"] == privacy_page.url
    assert form.find("input", attrs={"name": "consent_version"})["value"] == str(
        ConsentText.current().version
    )
    # The footer form is left out here: one sign-up form per page, no duplicate ids.
    assert not html.find("form", attrs={"data-newsletter-signup": True})


def test_footer_form_on_a_theme_page_carries_no_csrf_token(client, themes):
    response = client.get(themes[0].url)

    html = BeautifulSoup(response.content, "html.parser")
    footer_form = html.find("footer").find("form", attrs={"data-newsletter-signup": True})
    assert footer_form["action"] == SIGNUP_URL
    assert footer_form["method"] == "post"
    assert not footer_form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert b"csrfmiddlewaretoken" not in response.content
    assert footer_form.find("input", attrs={"name": "source_page"})["value"] == themes[0].url
    assert footer_form.find("fieldset").find("legend")
    # Themes are offered in French order: "Éducation" before "Environnement".
    theme_labels = [label.get_text(strip=True) for label in footer_form.select("fieldset label")]
    assert theme_labels == ["Éducation", "Environnement"]
    assert html.find("footer").find(attrs={"role": "status"})


def test_valid_signup_creates_a_pending_subscriber_and_sends_a_confirmation(client, themes):
    response = client.post(
        SIGNUP_URL, signup_data(" Marie.Curie@Exemple.ORG ", themes=[themes[1].pk])
    )

    assert response.status_code == 302
    assert response["Location"] == "/newsletter/merci/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Marie.Curie@exemple.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.confirmed_at is None
    assert not subscriber.themes.exists(), "Themes apply once the address is confirmed."
    event = subscriber.consent_events.get()
    assert event.action == ConsentEvent.Action.SUBSCRIBE
    assert event.method == ConsentEvent.Method.FORM
    assert event.consent_text == ConsentText.current()
    assert event.source_page == "/environnement/"
    assert len(event.network_hash) == 16
    assert "127.0.0.1" not in event.network_hash
    assert list(event.themes.all()) == [themes[1]]

    [message] = mail.outbox
    assert message.to == ["Marie.Curie@exemple.org"]
    assert message.subject == "Confirmez votre inscription à la lettre d'actualités de l'AIMF"
    assert "/newsletter/confirmer/" in link_in(message, "/newsletter/confirmer/")
    [(html_body, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "Confirmer mon inscription" in html_body
    assert "/environnement/" not in message.body, "Only the address goes into the email."


def test_signup_page_form_works_with_its_own_csrf_token():
    client = Client(enforce_csrf_checks=True)
    page = client.get(SIGNUP_URL)
    token = BeautifulSoup(page.content, "html.parser").find(
        "input", attrs={"name": "csrfmiddlewaretoken"}
    )["value"]

    response = client.post(SIGNUP_URL, signup_data(csrfmiddlewaretoken=token))

    assert response.status_code == 302
    assert Subscriber.objects.count() == 1


def test_footer_post_without_csrf_token_changes_nothing_and_asks_for_one_more_click(themes):
    client = Client(enforce_csrf_checks=True)
    data = signup_data("maire@exemple.org", themes=[themes[0].pk])

    response = client.post(SIGNUP_URL, data)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not Subscriber.objects.exists()
    assert not mail.outbox
    html = BeautifulSoup(response.content, "html.parser")
    assert "Dernière étape" in html.get_text()
    form = html.find("form", class_="newsletter-form--page")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert form.find("input", attrs={"name": "email"})["value"] == "maire@exemple.org"
    assert form.find("input", attrs={"name": "consent"}).has_attr("checked")
    checked_themes = form.select("input[name=themes][checked]")
    assert [box["value"] for box in checked_themes] == [str(themes[0].pk)]
    assert form.find("input", attrs={"name": "started"})["value"] == data["started"]
    assert form.find("button").get_text(strip=True) == "Confirmer mon inscription"

    # The one more click: the same values, now with the page's own token.
    response = client.post(SIGNUP_URL, {**data, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert list(subscriber_for("maire@exemple.org").consent_events.get().themes.all()) == [
        themes[0]
    ]


def test_post_with_a_wrong_csrf_token_never_subscribes():
    client = Client(enforce_csrf_checks=True)
    client.get("/newsletter/jeton/")  # Sets a genuine CSRF cookie.

    html_response = client.post(SIGNUP_URL, signup_data(csrfmiddlewaretoken="x" * 64))
    json_response = client.post(
        SIGNUP_URL, signup_data(), HTTP_X_CSRFTOKEN="y" * 64, HTTP_ACCEPT="application/json"
    )

    assert html_response.status_code == 200
    assert "Dernière étape" in html_response.content.decode()
    assert json_response.status_code == 403
    assert json_response.json()["message"].startswith("Votre envoi n'a pas pu être vérifié")
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_post_from_another_origin_never_subscribes_even_with_a_valid_token():
    client = Client(enforce_csrf_checks=True)
    token = client.get("/newsletter/jeton/").json()["csrfToken"]

    response = client.post(
        SIGNUP_URL, signup_data(), HTTP_X_CSRFTOKEN=token, HTTP_ORIGIN="https://evil.example"
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_script_flow_fetches_a_token_then_posts_in_place():
    client = Client(enforce_csrf_checks=True)
    token_response = client.get("/newsletter/jeton/")

    assert "no-store" in token_response["Cache-Control"]
    assert "csrftoken" in token_response.cookies
    response = client.post(
        SIGNUP_URL, signup_data(), HTTP_X_CSRFTOKEN=token_response.json()["csrfToken"], **JSON
    )

    assert response.status_code == 200
    assert response.json()["message"].startswith("Merci !")
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.PENDING


def test_script_flow_gets_field_errors_as_json(client):
    response = client.post(SIGNUP_URL, signup_data("pas-une-adresse", consent=""), **JSON)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["email"] == [INVALID_EMAIL_MESSAGE]
    assert errors["consent"][0].startswith("Cochez la case")


def answer_for(client, email, network):
    response = client.post(SIGNUP_URL, signup_data(email), REMOTE_ADDR=network, follow=True)
    return response.status_code, tuple(response.redirect_chain), response.content


def test_the_answer_is_the_same_whatever_the_address_status(client):
    pending_subscriber("en-attente@exemple.org")
    confirmed_subscriber("abonne@exemple.org")
    unsubscribed_subscriber("parti@exemple.org")
    mail.outbox.clear()
    addresses = [
        "nouveau@exemple.org",
        "en-attente@exemple.org",
        "abonne@exemple.org",
        "parti@exemple.org",
    ]

    # Each from its own network, so the per-network limit does not get in the way.
    answers = {answer_for(client, email, f"192.0.2.{n}") for n, email in enumerate(addresses)}
    json_answers = {
        client.post(SIGNUP_URL, signup_data(email), REMOTE_ADDR=f"198.51.100.{n}", **JSON).content
        for n, email in enumerate(addresses)
    }

    assert len(answers) == 1
    assert len(json_answers) == 1
    # What differs is only what each address receives.
    assert [message.subject for message in mail.outbox] == [
        "Confirmez votre inscription à la lettre d'actualités de l'AIMF",
        "Confirmez votre inscription à la lettre d'actualités de l'AIMF",
        "Vous êtes déjà abonné·e à la lettre d'actualités de l'AIMF",
        "Confirmez votre inscription à la lettre d'actualités de l'AIMF",
    ] * 2


def test_a_subscribed_address_is_told_so_and_not_subscribed_twice(client):
    subscriber = confirmed_subscriber("abonne@exemple.org")
    mail.outbox.clear()

    client.post(SIGNUP_URL, signup_data("ABONNE@exemple.org"))

    assert Subscriber.objects.count() == 1
    assert actions_of(subscriber) == ["subscribe", "confirm"]
    [message] = mail.outbox
    assert message.subject == "Vous êtes déjà abonné·e à la lettre d'actualités de l'AIMF"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link_in(message, "/newsletter/desinscription/")


def test_an_unsubscribed_address_signing_up_again_is_logged_as_a_resubscription(client):
    subscriber = unsubscribed_subscriber("parti@exemple.org")

    client.post(SIGNUP_URL, signup_data("parti@exemple.org"))

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED, "Until the link is followed."
    assert actions_of(subscriber) == ["subscribe", "confirm", "unsubscribe", "resubscribe"]


@override_settings(EMAIL_BACKEND="tests.newsletter.backends.FailingEmailBackend")
def test_a_failing_email_backend_keeps_the_subscription_and_says_to_retry_later(client, caplog):
    with caplog.at_level(logging.ERROR, logger="newsletter.emails"):
        response = client.post(SIGNUP_URL, signup_data(), follow=True)

    assert response.redirect_chain == [("/newsletter/envoi-differe/", 302)]
    page = response.content.decode()
    assert "Votre demande est enregistrée" in page
    assert 'href="/newsletter/renvoyer/"' in page
    subscriber = subscriber_for("maire@exemple.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert actions_of(subscriber) == ["subscribe"]
    [record] = caplog.records
    assert "échec de l'envoi" in record.getMessage()
    assert "maire@exemple.org" not in record.getMessage()
    assert record.exc_info


@override_settings(EMAIL_BACKEND="tests.newsletter.backends.FailingEmailBackend")
def test_a_failing_email_backend_is_reported_to_the_script_with_the_resend_link(client):
    response = client.post(SIGNUP_URL, signup_data(), **JSON)

    assert response.status_code == 200
    assert response.json()["link"]["url"] == "/newsletter/renvoyer/"
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.PENDING


def test_without_any_consent_text_sign_ups_close_and_pages_stay_up(client, themes):
    data = signup_data()
    ConsentText.objects.all().delete()  # Only possible by hand, in the database.

    theme_page = client.get(themes[0].url)
    signup_page = client.get(SIGNUP_URL)
    post = client.post(SIGNUP_URL, data)

    assert theme_page.status_code == 200
    assert b"data-newsletter-signup" not in theme_page.content
    assert "Les inscriptions sont momentanément fermées" in text_of(signup_page)
    assert post.status_code == 400
    assert not Subscriber.objects.exists()


def test_the_cached_footer_form_names_the_page_it_is_on_and_a_new_consent_text(client, themes):
    first, second = themes[0], themes[1]
    assert footer_source_page(client, first.url) == first.url
    assert footer_source_page(client, second.url) == second.url

    newer = ConsentText.objects.create(text="Une formulation révisée du consentement.")

    footer = BeautifulSoup(client.get(first.url).content, "html.parser").find("footer")
    assert "Une formulation révisée du consentement." in footer.get_text()
    assert footer.find("input", attrs={"name": "consent_version"})["value"] == str(newer.version)


def footer_source_page(client, url):
    footer = BeautifulSoup(client.get(url).content, "html.parser").find("footer")
    return footer.find("input", attrs={"name": "source_page"})["value"]
