"""The team's Wagtail admin: one dedicated permission, subscribers with their consent history,
the CSV export, consent text versions and erasure."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail import hooks

from newsletter.models import ConsentText, Subscriber, SuppressedAddress

from .helpers import (
    confirmed_subscriber,
    pending_subscriber,
    subscriber_for,
    text_of,
    unsubscribed_subscriber,
)

pytestmark = pytest.mark.django_db

SUBSCRIBERS_URL = "/admin/newsletter/abonnes/"
EXPORT_URL = "/admin/newsletter/abonnes/export/"
CONSENT_TEXTS_URL = "/admin/newsletter/textes-de-consentement/"


def editor(django_user_model, *, newsletter_team):
    """A Wagtail editor; with newsletter_team, one of the people who run the newsletter."""
    user = django_user_model.objects.create_user(username="redaction", password="x")
    group = Group.objects.create(name="Lettre d'actualités" if newsletter_team else "Rédaction")
    codenames = ["access_admin"] + (["manage_newsletter"] if newsletter_team else [])
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


def assert_refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    assert (response.status_code, response.get("Location")) == (302, "/admin/")
    assert b"@exemple.org" not in response.content


@pytest.fixture
def team_client(client, django_user_model):
    client.force_login(editor(django_user_model, newsletter_team=True))
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(editor(django_user_model, newsletter_team=False))
    return client


def test_the_newsletter_team_sees_the_menu(team_client):
    # The sidebar menu is rendered from JSON props, hence the look at the raw page.
    assert b'"Newsletter"' in team_client.get("/admin/").content


@pytest.mark.parametrize(
    "url",
    [
        SUBSCRIBERS_URL,
        EXPORT_URL,
        CONSENT_TEXTS_URL,
        f"{CONSENT_TEXTS_URL}new/",
    ],
)
def test_editors_without_the_permission_cannot_reach_the_newsletter_admin(editor_client, url):
    confirmed_subscriber()

    assert_refused(editor_client.get(url))


def test_editors_without_the_permission_cannot_see_or_erase_a_subscriber(editor_client):
    subscriber = confirmed_subscriber()

    assert_refused(editor_client.get(f"{SUBSCRIBERS_URL}inspect/{subscriber.pk}/"))
    assert_refused(editor_client.post(f"{SUBSCRIBERS_URL}effacer/{subscriber.pk}/"))
    assert subscriber_for("maire@exemple.org").status == Subscriber.Status.CONFIRMED


def test_the_menu_is_hidden_without_the_permission(editor_client):
    response = editor_client.get("/admin/")

    assert response.status_code == 200
    assert b'"Newsletter"' not in response.content


def test_the_dedicated_permission_can_be_given_to_a_group_in_wagtail():
    registered = {
        permission.codename
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
    }

    assert "manage_newsletter" in registered


def test_subscribers_are_listed_with_status_dates_and_themes(team_client, themes):
    confirmed_subscriber("abonne@exemple.org", themes=[themes[0]])
    pending_subscriber("en-attente@exemple.org")
    unsubscribed_subscriber("parti@exemple.org")

    response = team_client.get(SUBSCRIBERS_URL)

    assert response.status_code == 200
    page = text_of(response)
    for expected in [
        "abonne@exemple.org",
        "en-attente@exemple.org",
        "parti@exemple.org",
        "en attente de confirmation",
        "désinscrit",
        "Environnement",
        "Confirmé le",
    ]:
        assert expected in page


def test_subscribers_can_be_searched_and_filtered(team_client, themes):
    confirmed_subscriber("abonne@exemple.org", themes=[themes[1]])
    pending_subscriber("en-attente@exemple.org")
    confirmed_subscriber("autre@ville.example")

    searched = text_of(team_client.get(SUBSCRIBERS_URL, {"q": "ville"}))
    by_status = text_of(team_client.get(SUBSCRIBERS_URL, {"status": "pending"}))
    by_theme = text_of(team_client.get(SUBSCRIBERS_URL, {"themes": themes[1].pk}))
    by_date = team_client.get(
        SUBSCRIBERS_URL, {"created_at_from": "2000-01-01", "created_at_to": "2000-12-31"}
    )

    assert "autre@ville.example" in searched and "abonne@exemple.org" not in searched
    assert "en-attente@exemple.org" in by_status and "abonne@exemple.org" not in by_status
    assert "abonne@exemple.org" in by_theme and "autre@ville.example" not in by_theme
    assert by_date.status_code == 200
    assert "@" not in text_of(by_date).split("Inscrit entre le")[-1]


def test_each_subscriber_shows_its_consent_history(team_client):
    subscriber = unsubscribed_subscriber("parti@exemple.org")

    response = team_client.get(f"{SUBSCRIBERS_URL}inspect/{subscriber.pk}/")

    assert response.status_code == 200
    page = text_of(response)
    assert "Historique du consentement" in page
    for expected in [
        "demande d'inscription",
        "confirmation",
        "désinscription",
        "Version 1",
        "formulaire du site",
        "lien reçu par e-mail",
    ]:
        assert expected in page


def test_the_csv_export_lists_confirmed_subscribers_with_their_unsubscribe_link(
    team_client, themes
):
    confirmed_subscriber("abonne@exemple.org", themes=[themes[0], themes[1]])
    confirmed_subscriber("=formule@exemple.org")
    pending_subscriber("en-attente@exemple.org")
    unsubscribed_subscriber("parti@exemple.org")

    response = team_client.get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="abonnes-confirmes-')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["email"] for row in rows] == ["'=formule@exemple.org", "abonne@exemple.org"]
    assert rows[1]["thematiques"] in ("Environnement ; Éducation", "Éducation ; Environnement")
    assert "/newsletter/desinscription/" in rows[1]["lien_desinscription"]


def test_the_exported_unsubscribe_link_works(team_client, client):
    confirmed_subscriber("abonne@exemple.org")
    [row] = csv.DictReader(io.StringIO(team_client.get(EXPORT_URL).content.decode("utf-8-sig")))
    team_client.logout()

    client.post(row["lien_desinscription"])

    assert subscriber_for("abonne@exemple.org").status == Subscriber.Status.UNSUBSCRIBED


def test_consent_texts_are_listed_and_a_new_version_can_be_added(team_client):
    response = team_client.post(f"{CONSENT_TEXTS_URL}new/", {"text": "Deuxième formulation."})

    assert response.status_code == 302
    assert ConsentText.current().version == 2
    listing = text_of(team_client.get(CONSENT_TEXTS_URL))
    assert "Version 1" in listing and "Version 2" in listing


def test_consent_texts_cannot_be_edited_or_deleted_from_the_admin(team_client):
    text = ConsentText.current()

    assert team_client.get(f"{CONSENT_TEXTS_URL}edit/{text.pk}/").status_code == 404
    assert team_client.post(f"{CONSENT_TEXTS_URL}delete/{text.pk}/").status_code == 404
    assert "Modifier" not in text_of(team_client.get(CONSENT_TEXTS_URL))


def test_subscribers_cannot_be_added_edited_or_deleted_from_the_admin(team_client):
    subscriber = confirmed_subscriber()

    assert team_client.get(f"{SUBSCRIBERS_URL}new/").status_code == 404
    assert team_client.get(f"{SUBSCRIBERS_URL}edit/{subscriber.pk}/").status_code == 404
    assert team_client.post(f"{SUBSCRIBERS_URL}delete/{subscriber.pk}/").status_code == 404


def test_the_team_can_erase_a_subscriber_after_confirming(team_client):
    subscriber = confirmed_subscriber("abonne@exemple.org")
    erase_url = f"{SUBSCRIBERS_URL}effacer/{subscriber.pk}/"

    confirmation = team_client.get(erase_url)
    assert confirmation.status_code == 200
    assert subscriber_for("abonne@exemple.org").status == Subscriber.Status.CONFIRMED
    assert "Oui, effacer les données" in text_of(confirmation)

    response = team_client.post(erase_url, follow=True)

    assert response.redirect_chain[-1][0] == f"{SUBSCRIBERS_URL}inspect/{subscriber.pk}/"
    assert "Les données de l'abonné ont été effacées" in text_of(response)
    subscriber.refresh_from_db()
    assert subscriber.email is None
    assert subscriber.consent_events.last().method == "admin"
    assert SuppressedAddress.objects.count() == 1
    assert team_client.get(erase_url).status_code == 404
    assert "abonne@exemple.org" not in text_of(team_client.get(SUBSCRIBERS_URL))


def test_every_newsletter_admin_page_renders(team_client):
    subscribers = [
        pending_subscriber("en-attente@exemple.org"),
        confirmed_subscriber("abonne@exemple.org"),
        unsubscribed_subscriber("parti@exemple.org"),
    ]
    erased = confirmed_subscriber("efface@exemple.org")
    team_client.post(f"{SUBSCRIBERS_URL}effacer/{erased.pk}/")
    text = ConsentText.current()

    urls = [
        SUBSCRIBERS_URL,
        f"{SUBSCRIBERS_URL}results/",
        *[f"{SUBSCRIBERS_URL}inspect/{subscriber.pk}/" for subscriber in [*subscribers, erased]],
        f"{SUBSCRIBERS_URL}effacer/{subscribers[0].pk}/",
        CONSENT_TEXTS_URL,
        f"{CONSENT_TEXTS_URL}new/",
        f"{CONSENT_TEXTS_URL}inspect/{text.pk}/",
    ]

    assert {url: team_client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)
    erased_page = text_of(team_client.get(f"{SUBSCRIBERS_URL}inspect/{erased.pk}/"))
    assert "Abonné effacé" in erased_page
    assert "effacement des données" in erased_page
    assert "Effacer les données" not in erased_page
