"""Every kind of bad input gets a clear French answer and changes nothing; never a 500."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.forms.utils import pretty_name
from django.test import override_settings

from newsletter.forms import (
    CONSENT_REQUIRED_MESSAGE,
    HONEYPOT_MESSAGE,
    INVALID_EMAIL_MESSAGE,
    MISSING_STAMP_MESSAGE,
    STALE_CONSENT_TEXT_MESSAGE,
    UNKNOWN_THEME_MESSAGE,
    AddressForm,
    PreferencesForm,
    SignupForm,
)
from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import form_started_stamp, seconds_since_form_started

from .helpers import SIGNUP_URL, signup_data

pytestmark = pytest.mark.django_db


def rejected(client, data):
    """Post a bad sign-up; check nothing happened; return the error messages shown."""
    response = client.post(SIGNUP_URL, data)
    assert response.status_code == 400
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert not mail.outbox
    html = BeautifulSoup(response.content, "html.parser")
    assert len(html.find_all("h1")) == 1
    return html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "pas-une-adresse"}, INVALID_EMAIL_MESSAGE),
        ({"email": "maire@exemple"}, INVALID_EMAIL_MESSAGE),
        ({"email": ""}, "Indiquez votre adresse e-mail."),
        ({"email": "a" * 250 + "@exemple.org"}, "au plus 254 caractères"),
        ({"consent": ""}, CONSENT_REQUIRED_MESSAGE),
        ({"website": "https://spam.example"}, HONEYPOT_MESSAGE),
        ({"started": ""}, MISSING_STAMP_MESSAGE),
        ({"started": "1700000000:forged"}, MISSING_STAMP_MESSAGE),
        ({"consent_version": "999"}, STALE_CONSENT_TEXT_MESSAGE),
        ({"consent_version": ""}, STALE_CONSENT_TEXT_MESSAGE),
        ({"themes": ["999999"]}, UNKNOWN_THEME_MESSAGE),
        ({"themes": ["abc"]}, UNKNOWN_THEME_MESSAGE),
        ({"email": "maire\x00@exemple.org"}, "Le caractère nul n’est pas autorisé."),
    ],
)
def test_bad_input_is_answered_with_the_form_and_a_french_error(client, overrides, message):
    html = rejected(client, signup_data(**overrides))

    alert = html.find(attrs={"role": "alert"})
    assert message in alert.get_text()


def asks_for_a_second_click(response):
    """The form comes back pre-filled, without an error, asking to confirm; nothing recorded."""
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert not mail.outbox
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find(attrs={"role": "alert"}) is None
    assert html.find("input", attrs={"name": "email"})["value"] == "maire@exemple.org"
    form = html.find("form", class_="newsletter-form--page")
    assert form.find("button", attrs={"type": "submit"}).get_text() == "Confirmer mon inscription"
    return html


def test_an_autofilled_form_sent_at_once_is_not_refused(client, monkeypatch):
    """Issue 18, item 14: a browser's autofill posts within the minimum time; the person is
    asked for one more click, and that click goes through."""
    response = client.post(SIGNUP_URL, signup_data(started=form_started_stamp()))

    html = asks_for_a_second_click(response)
    kept_stamp = html.find("form", class_="newsletter-form--page").find(
        "input", attrs={"name": "started"}
    )["value"]
    later = time.time() + 3
    monkeypatch.setattr("newsletter.tokens.time.time", lambda: later)
    second_click = client.post(SIGNUP_URL, signup_data(started=kept_stamp))
    assert second_click.status_code == 302
    assert Subscriber.objects.count() == 1


def test_a_script_posting_at_once_again_and_again_gets_nowhere(client):
    for _ in range(3):
        asks_for_a_second_click(client.post(SIGNUP_URL, signup_data(started=form_started_stamp())))
    answer = client.post(
        SIGNUP_URL, signup_data(started=form_started_stamp()), HTTP_ACCEPT="application/json"
    )
    assert answer.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_form_stamp_is_not_valid_forever(client):
    """Issue 15, section 5: a stamp taken once cannot vouch for posts for days; the form comes
    back with a fresh stamp, for one more click."""
    old_stamp = form_started_stamp(time.time() - 3 * 60 * 60)

    html = asks_for_a_second_click(client.post(SIGNUP_URL, signup_data(started=old_stamp)))

    form = html.find("form", class_="newsletter-form--page")
    fresh_stamp = form.find("input", attrs={"name": "started"})["value"]
    assert fresh_stamp != old_stamp
    assert seconds_since_form_started(fresh_stamp) < 60


def test_the_error_summary_names_each_field_in_french(client):
    """Issue 18, item 13: no « Consent : » in the summary."""
    html = rejected(client, signup_data(consent="", email="pas-une-adresse"))

    summary = html.find(attrs={"role": "alert"}).get_text(" ", strip=True)
    assert f"Accord : {CONSENT_REQUIRED_MESSAGE}" in summary
    assert f"Adresse e-mail : {INVALID_EMAIL_MESSAGE}" in summary
    assert "Consent" not in summary


@pytest.mark.parametrize("form_class", [SignupForm, AddressForm, PreferencesForm])
def test_every_visible_field_has_a_french_label(form_class):
    for name, field in form_class().fields.items():
        if not field.widget.is_hidden:
            assert field.label, name
            assert field.label != pretty_name(name), name


def test_a_field_error_is_linked_to_its_field(client):
    html = rejected(client, signup_data(email="pas-une-adresse"))

    email = html.find("input", attrs={"name": "email"})
    assert email["aria-invalid"] == "true"
    error = html.find(id=email["aria-describedby"])
    assert INVALID_EMAIL_MESSAGE in error.get_text()
    assert email["value"] == "pas-une-adresse"
    assert html.find(attrs={"role": "alert"}).find("a")["href"] == f"#{email['id']}"


def test_only_form_methods_are_allowed(client):
    assert client.put(SIGNUP_URL).status_code == 405
    assert client.post("/newsletter/jeton/").status_code == 405


@override_settings(NEWSLETTER_MIN_FILL_SECONDS=30)
def test_the_minimum_fill_time_is_configurable(client):
    asks_for_a_second_click(
        client.post(SIGNUP_URL, signup_data(started=form_started_stamp(time.time() - 20)))
    )

    response = client.post(SIGNUP_URL, signup_data(started=form_started_stamp(time.time() - 31)))

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("posted", "kept"),
    [
        ("/environnement/actualites/", "/environnement/actualites/"),
        ("/éducation/", "/éducation/"),
        ("/recherche/?q=maire@exemple.org", ""),
        ("/maire@exemple.org/", ""),
        ("https://ailleurs.example/", ""),
        ("/" + "a" * 250, ""),
    ],
)
def test_only_a_site_path_is_kept_as_the_source_page(posted, kept):
    form = SignupForm(signup_data(source_page=posted))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["source_page"] == kept


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Jean.Dupont@Mairie.Example.FR ", "Jean.Dupont@mairie.example.fr"),
        ("maire@exemple.org", "maire@exemple.org"),
        ("Élu@Ville.Example", None),  # The local part must be ASCII (Django's validator).
    ],
)
def test_addresses_are_validated_and_normalised(typed, stored):
    form = SignupForm(signup_data(email=typed))

    assert form.is_valid() is (stored is not None)
    if stored:
        assert form.cleaned_data["email"] == stored
