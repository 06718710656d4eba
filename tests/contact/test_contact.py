"""The contact page: a French form, messages kept for the team and emailed to the address of
« Réglages du site », the newsletter's defences against scripts, never cached."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from aimf_portal.editorial.site_settings import SiteSettings
from contact.antibot import MESSAGES_PER_CLIENT, form_started_stamp
from contact.models import ContactMessage
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

URL = "/contact/"


@pytest.fixture
def site_settings(db):
    saved = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    saved.contact_recipient = "secretariat@aimf.example"
    saved.contact_email = "contact@aimf.example"
    saved.postal_address = "Secrétariat permanent de l'AIMF\n9, rue des Halles\n75001 Paris"
    saved.save()
    return saved


def filled(**changes):
    """A form as a person sends it, a minute after the page was shown."""
    return {
        "name": "Awa Diop",
        "email": "awa.diop@exemple.org",
        "subject": "projet",
        "message": "Notre ville souhaite restaurer son marché central avec une ville du réseau.",
        "consent": "on",
        "website": "",
        "started": form_started_stamp(time.time() - 60),
        **changes,
    }


def error_summary(response):
    return [text_of(item) for item in parse(response).select(".form-alert li")]


def test_the_page_shows_a_french_form_and_the_addresses(client, site_settings):
    response = client.get(URL)
    soup = parse(response)

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert text_of(soup.find("h1")) == "Nous écrire"
    labels = [text_of(label) for label in soup.select("main form label")]
    assert labels[:2] == ["Votre nom", "Votre adresse e-mail"]
    assert labels[2:6] == ["Projet de coopération", "Presse", "Adhésion", "Autre"]
    assert "Votre message" in labels
    assert text_of(soup.select_one("main form legend")) == "Objet"
    details = text_of(soup.select_one("main .contact-details"))
    assert "9, rue des Halles" in details and "contact@aimf.example" in details
    assert soup.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None


def test_a_subject_can_be_chosen_by_the_link(client, db):
    soup = parse(client.get(URL, {"objet": "presse"}))
    assert soup.find("input", attrs={"name": "subject", "value": "presse"}).has_attr("checked")
    soup = parse(client.get(URL, {"objet": "<script>"}))
    assert not soup.select("input[name=subject][checked]")


def test_a_message_is_kept_and_emailed_to_the_team(client, site_settings, mailoutbox):
    response = client.post(URL, filled())

    assert response.status_code == 302 and response["Location"] == reverse("contact:thanks")
    message = ContactMessage.objects.get()
    assert (message.name, message.subject, message.consent) == ("Awa Diop", "projet", True)
    assert message.emailed
    [email] = mailoutbox
    assert email.to == ["secretariat@aimf.example"]
    assert email.reply_to == ["awa.diop@exemple.org"]
    assert email.subject == "[Site de l'AIMF] Projet de coopération – Awa Diop"
    assert "restaurer son marché central" in email.body
    thanks = client.get(response["Location"])
    assert "Message envoyé" in text_of(parse(thanks).find("h1"))


def test_without_a_recipient_the_message_is_kept_only(client, db, mailoutbox):
    assert client.post(URL, filled()).status_code == 302
    assert not ContactMessage.objects.get().emailed
    assert mailoutbox == []


def test_missing_answers_are_listed_in_french(client, db):
    response = client.post(URL, filled(name="", email="pas-une-adresse", consent="", message=""))

    assert response.status_code == 400
    assert error_summary(response) == [
        "Votre nom : Indiquez votre nom.",
        "Votre adresse e-mail : Saisissez une adresse e-mail valide, par exemple nom@exemple.org.",
        "Votre message : Écrivez votre message.",
        "J'accepte que l'AIMF conserve ce message et mes coordonnées pour me répondre (un an au "
        "plus). : Cochez la case : sans votre accord, nous ne pouvons pas garder votre message "
        "pour vous répondre.",
    ]
    assert soup_value(response, "name") == ""
    assert not ContactMessage.objects.exists()


def soup_value(response, name):
    return parse(response).find("input", attrs={"name": name}).get("value", "")


def test_an_unknown_subject_is_refused_in_french(client, db):
    response = client.post(URL, filled(subject="spam"))
    assert response.status_code == 400
    assert error_summary(response) == ["Objet : Choisissez l'un des objets proposés."]


def test_the_honeypot_keeps_robots_out(client, db, mailoutbox):
    response = client.post(URL, filled(website="https://spam.example"))

    assert response.status_code == 400
    assert "laissez vide le champ « Site web »" in error_summary(response)[0]
    assert not ContactMessage.objects.exists()


def test_too_fast_asks_for_a_second_click_instead_of_refusing(client, db, monkeypatch):
    response = client.post(URL, filled(started=form_started_stamp()))

    assert response.status_code == 200
    assert "Encore un clic" in text_of(parse(response).select_one(".notice"))
    assert soup_value(response, "name") == "Awa Diop"
    assert not ContactMessage.objects.exists()
    fresh_stamp = soup_value(response, "started")
    later = time.time() + 10
    monkeypatch.setattr("contact.antibot.time.time", lambda: later)
    assert client.post(URL, filled(started=fresh_stamp)).status_code == 302
    assert ContactMessage.objects.count() == 1


def test_a_forged_stamp_is_a_second_click_too(client, db):
    response = client.post(URL, filled(started="1:forged"))
    assert response.status_code == 200
    assert not ContactMessage.objects.exists()


def test_messages_are_limited_per_client_address(client, db):
    for _ in range(MESSAGES_PER_CLIENT):
        assert client.post(URL, filled(), REMOTE_ADDR="192.0.2.10").status_code == 302
    refused = client.post(URL, filled(), REMOTE_ADDR="192.0.2.10")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "plusieurs fois en peu de temps" in text_of(parse(refused).find("main"))
    assert client.post(URL, filled(), REMOTE_ADDR="192.0.2.11").status_code == 302
    assert ContactMessage.objects.count() == MESSAGES_PER_CLIENT + 1


def test_old_messages_are_deleted_by_the_purge(db, settings, capsys):
    settings.CONTACT_RETENTION_DAYS = 30
    old = ContactMessage.objects.create(
        name="Ancien", email="a@exemple.org", subject="autre", message="…", consent=True,
        received_at=timezone.now() - datetime.timedelta(days=31),
    )  # fmt: skip
    recent = ContactMessage.objects.create(
        name="Récent", email="r@exemple.org", subject="autre", message="…", consent=True
    )

    call_command("contact_purge")

    assert list(ContactMessage.objects.all()) == [recent]
    assert not ContactMessage.objects.filter(pk=old.pk).exists()
    assert "1 message(s) de contact de plus de 30 jours supprimé(s)." in capsys.readouterr().out


def test_the_footer_of_every_page_shows_the_addresses_and_the_form(client, site_settings):
    for path in ("/", "/recherche/", URL):
        footer = parse(client.get(path)).find("footer")
        assert "75001 Paris" in text_of(footer), path
        assert footer.find("a", href="mailto:contact@aimf.example") is not None, path
        assert footer.find("a", href=URL) is not None, path
