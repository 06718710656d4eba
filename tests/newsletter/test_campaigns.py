"""Writing an issue, previewing it as the email, sending it once to each chosen subscriber, and
what the sender sees: issue 17."""

import json
import re
import smtplib

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client, TestCase, override_settings
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError

from aimf_portal.factories import ThemePageFactory
from news.factories import NewsPageFactory
from newsletter.blocks import MISSING_ITEM_MESSAGE, NO_ITEMS_FOUND_MESSAGE, IssueBodyBlock
from newsletter.factories import NewsletterIssuePageFactory, text_body
from newsletter.models import Campaign, ConsentEvent, Delivery, Subscriber
from newsletter.sending import (
    EMPTY_AUDIENCE_MESSAGE,
    NOT_PUBLISHED_MESSAGE,
    Throttle,
    cancel,
    prepare,
    run_campaign,
    start_campaign,
)
from newsletter.subscriptions import erase, unsubscribe
from newsletter.tokens import unsubscribe_token

from .helpers import (
    confirmed_subscriber,
    link_in,
    signup_data,
    text_of,
    unsubscribed_subscriber,
)

pytestmark = pytest.mark.django_db


def committed():
    """Sends start once their campaign is committed; these tests run inside one transaction, so
    `with committed(): …` runs what waits for the commit at the end of the block."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def member(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@aimf.example", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def sender(django_user_model):
    return member(django_user_model, "Newsletter", "lettre")


@pytest.fixture
def redacteur(django_user_model):
    return member(django_user_model, "Rédacteurs", "redacteur")


@pytest.fixture
def issue():
    return NewsletterIssuePageFactory(title="Lettre de mars", body=text_body("Bonjour à tous."))


def send_url(page):
    return f"/admin/newsletter/envoyer/{page.pk}/"


def issue_messages():
    return [message for message in mail.outbox if "[Test]" not in message.subject]


def campaign_of(issue, **fields):
    return Campaign.objects.create(
        issue=issue, subject=issue.title, revision=issue.live_revision, **fields
    )


def send_now(issue, themes=(), user=None):
    with committed():
        campaign = start_campaign(issue, themes, user)
    campaign.refresh_from_db()
    return campaign


# Composing and previewing


def test_the_latest_items_block_is_filled_when_saved_then_editable():
    theme = ThemePageFactory(title="Culture")
    older = NewsPageFactory(parent=theme, title="Une ancienne nouvelle")
    newer = NewsPageFactory(parent=theme, title="La dernière nouvelle")
    block = IssueBodyBlock().child_blocks["latest_items"]
    value = block.to_python({"heading": "Nouvelles", "themes": [theme.pk], "limit": 6})

    cleaned = block.clean(value)

    assert [page.title for page in cleaned["items"]] == [newer.title, older.title]
    # Then edited by hand: kept as the editor left it.
    cleaned["items"] = block.child_blocks["items"].normalize([older])
    assert [page.pk for page in block.clean(cleaned)["items"]] == [older.pk]


def test_the_latest_items_block_says_when_nothing_matches():
    block = IssueBodyBlock().child_blocks["latest_items"]
    value = block.to_python({"heading": "Nouvelles", "themes": [], "limit": 6})

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert NO_ITEMS_FOUND_MESSAGE in str(refused.value.block_errors["items"])


def test_the_email_preview_is_email_safe_and_the_text_preview_readable():
    theme = ThemePageFactory(title="Culture")
    news = NewsPageFactory(parent=theme, title="Le patrimoine de Hué")
    body = [
        {"type": "intro", "value": '<p>Bonjour, voir <a href="/culture/">la page</a>.</p>'},
        {"type": "latest_items", "value": {"heading": "À lire", "items": [news.pk], "limit": 6}},
    ]
    issue = NewsletterIssuePageFactory(title="Lettre d'avril", body=body)

    html = issue.make_preview_request(preview_mode="email-html")
    text = issue.make_preview_request(preview_mode="email-texte")

    assert html.status_code == text.status_code == 200
    soup = BeautifulSoup(html.content, "html.parser")
    assert soup.find("table", attrs={"width": "600"}) is not None
    assert not soup.find("link") and not soup.find("script")
    hrefs = [link["href"] for link in soup.find_all("a")]
    assert all(href.startswith("http://") for href in hrefs), hrefs
    image = soup.find("img")
    assert image["src"].startswith("http://") and image["alt"]
    assert "Le patrimoine de Hué" in soup.get_text()
    body_text = text.content.decode()
    assert text["Content-Type"].startswith("text/plain")
    assert "== À lire ==" in body_text
    assert "* Le patrimoine de Hué" in body_text
    assert news.get_full_url() in body_text
    assert "Me désinscrire : http://" in body_text


def test_a_broken_block_gets_a_french_message_not_a_500(issue):
    issue.body = [{"type": "call_to_action", "value": {"heading": "Agir", "text": "x"}}]

    response = issue.make_preview_request(preview_mode="email-html")

    assert response.status_code == 400
    assert "n'a pas pu être mis en forme" in response.content.decode()


# Who may send


def test_a_writer_can_test_but_not_send(redacteur, issue):
    user, client = redacteur
    confirmed_subscriber()

    page = client.get(send_url(issue))
    test = client.post(send_url(issue), {"action": "test", "addresses": "autre@exemple.org"})
    with committed():
        send = client.post(send_url(issue), {"action": "send"})

    assert page.status_code == 200
    assert "réservé au groupe « Newsletter »" in page.content.decode()
    assert test.status_code == 302
    [message] = mail.outbox
    assert message.to == [user.email]  # their own address, whatever they typed
    assert message.subject == "[Test] Lettre de mars"
    assert (send.status_code, send["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert not Campaign.objects.exists()


def test_the_newsletter_group_sends_a_published_issue(sender, issue):
    _, client = sender
    confirmed_subscriber("un@exemple.org")
    confirmed_subscriber("deux@exemple.org")
    mail.outbox.clear()

    page = client.get(send_url(issue))
    with committed():
        response = client.post(send_url(issue), {"action": "send"})

    assert "Envoyer à 2 destinataires" in page.content.decode()
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/newsletter/envois/{campaign.pk}/"
    assert campaign.status == Campaign.Status.SENT
    assert sorted(message.to[0] for message in issue_messages()) == [
        "deux@exemple.org",
        "un@exemple.org",
    ]
    report = client.get(response["Location"]).content.decode()
    assert "Terminé" in report or "terminé" in report


def menu_links(client):
    """The admin sidebar's links, {label: url}: Wagtail renders the menu from JSON props."""
    props = BeautifulSoup(client.get("/admin/").content, "html.parser").find(
        "script", id="wagtail-sidebar-props"
    )
    links = {}

    def walk(node):
        if isinstance(node, dict):
            if "label" in node and node.get("url"):
                links[node["label"]] = node["url"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.string))
    return links


def test_the_newsletter_group_finds_the_send_page_from_the_admin_menu(sender, issue):
    """The group cannot open the page explorer: « Lettres à envoyer » is its way in."""
    _, client = sender
    confirmed_subscriber()
    NewsletterIssuePageFactory(title="Lettre d'avril, en relecture", draft=True)

    listing_url = menu_links(client)["Lettres à envoyer"]
    listing = BeautifulSoup(client.get(listing_url).content, "html.parser")
    rows = {text_of_element(row.td): row for row in listing.select("tbody tr")}
    assert list(rows) == ["Lettre de mars"]  # published issues only
    assert "Pas encore envoyé" in text_of_element(rows["Lettre de mars"])
    send_page = client.get(rows["Lettre de mars"].td.a["href"])
    assert send_page.status_code == 200
    assert "Envoyer à 1 destinataire" in send_page.content.decode()

    with committed():
        client.post(send_page.wsgi_request.path, {"action": "send"})

    listing = BeautifulSoup(client.get(listing_url).content, "html.parser")
    [row] = listing.select("tbody tr")
    assert "Terminé" in text_of_element(row)
    report = row.find("a", string="progression et bilan")["href"]
    assert report == f"/admin/newsletter/envois/{Campaign.objects.get().pk}/"


def test_only_the_senders_have_issues_to_send(redacteur, issue):
    _, client = redacteur

    assert "Lettres à envoyer" not in menu_links(client)
    refused = client.get("/admin/newsletter/a-envoyer/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def text_of_element(element):
    return element.get_text(" ", strip=True)


def test_an_unpublished_issue_cannot_be_sent(sender):
    _, client = sender
    confirmed_subscriber()
    draft = NewsletterIssuePageFactory(draft=True)

    with committed():
        response = client.post(send_url(draft), {"action": "send"})

    assert response.status_code == 400
    assert NOT_PUBLISHED_MESSAGE in text_of(response)
    assert not Campaign.objects.exists()
    assert not issue_messages()


def test_an_issue_is_sent_once(sender, issue):
    _, client = sender
    confirmed_subscriber()
    with committed():
        client.post(send_url(issue), {"action": "send"})

    with committed():
        again = client.post(send_url(issue), {"action": "send"})

    assert "déjà un envoi" in text_of(again)
    assert Campaign.objects.count() == 1
    assert len(issue_messages()) == 1


def test_an_empty_audience_is_refused_in_french(sender, issue):
    _, client = sender

    with committed():
        response = client.post(send_url(issue), {"action": "send"})

    assert response.status_code == 400
    assert EMPTY_AUDIENCE_MESSAGE in text_of(response)


def test_a_deleted_item_blocks_the_send_with_a_french_message(sender):
    _, client = sender
    theme = ThemePageFactory()
    news = NewsPageFactory(parent=theme)
    body = [{"type": "hand_picked", "value": {"heading": "À lire", "items": [news.pk]}}]
    issue = NewsletterIssuePageFactory(body=body)
    confirmed_subscriber()
    news.delete()

    with committed():
        response = client.post(send_url(issue), {"action": "send"})

    assert response.status_code == 400
    assert MISSING_ITEM_MESSAGE in text_of(response)
    assert not issue_messages()


# Audience


def test_the_audience_by_theme_is_counted_then_sent_to(sender, issue):
    _, client = sender
    culture, sport = ThemePageFactory(title="Culture"), ThemePageFactory(title="Sport")
    confirmed_subscriber("culture@exemple.org", themes=[culture])
    confirmed_subscriber("sport@exemple.org", themes=[sport])
    confirmed_subscriber("tout@exemple.org")
    unsubscribed_subscriber("parti@exemple.org")
    mail.outbox.clear()

    counted = client.post(send_url(issue), {"action": "count", "themes": [culture.pk]})
    with committed():
        client.post(send_url(issue), {"action": "send", "themes": [culture.pk]})

    assert "Destinataires pour ces thématiques : 1" in " ".join(
        BeautifulSoup(counted.content, "html.parser").get_text(" ").split()
    )
    assert [message.to for message in issue_messages()] == [["culture@exemple.org"]]
    assert Campaign.objects.get().total == 1


# Once per recipient, withdrawals, headers


class KilledWorker(BaseException):
    """What kill -9 does to the worker: nothing after it runs, not even `except Exception`."""


class DyingEmailBackend(EmailBackend):
    """Hands over messages, then dies while handing over the `dies_at`-th one (after it left)."""

    handed_over = 0
    dies_at = None

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        DyingEmailBackend.handed_over += 1
        if DyingEmailBackend.handed_over == DyingEmailBackend.dies_at:
            raise KilledWorker
        return sent


def test_a_worker_killed_mid_send_resumes_without_skipping_anyone(issue, settings):
    """Every recipient gets the issue; only the message in flight at the kill comes twice, with
    the same Message-ID."""
    for number in range(10):
        confirmed_subscriber(f"abonne{number}@exemple.org")
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "tests.newsletter.test_campaigns.DyingEmailBackend"
    DyingEmailBackend.handed_over, DyingEmailBackend.dies_at = 0, 4

    with committed():
        start_campaign(issue, [], None)
    campaign = Campaign.objects.get()
    assert campaign.deliveries.filter(status=Delivery.Status.SENT).count() == 3
    # The lease of the dead worker ends; the next run takes over.
    Campaign.objects.filter(pk=campaign.pk).update(lease_until=timezone.now())
    DyingEmailBackend.dies_at = None
    run_campaign(campaign.pk)

    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(set(recipients)) == [f"abonne{n}@exemple.org" for n in range(10)]
    assert len(recipients) == 11
    [twice] = [address for address in set(recipients) if recipients.count(address) == 2]
    copies = [message for message in mail.outbox if message.to == [twice]]
    assert copies[0].extra_headers["Message-ID"] == copies[1].extra_headers["Message-ID"]
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert campaign.deliveries.filter(status=Delivery.Status.SENT).count() == 10


def test_nobody_who_withdrew_after_the_audience_was_fixed_receives_it(issue):
    staying = confirmed_subscriber("reste@exemple.org")
    leaving = confirmed_subscriber("part@exemple.org")
    erased = confirmed_subscriber("efface@exemple.org")
    mail.outbox.clear()
    campaign = Campaign.objects.create(
        issue=issue, subject=issue.title, revision=issue.live_revision
    )
    prepare(campaign)

    unsubscribe(leaving, ConsentEvent.Method.EMAIL_LINK)
    erase(erased, ConsentEvent.Method.ADMIN)
    run_campaign(campaign.pk)

    assert [message.to for message in mail.outbox] == [[staying.email]]
    statuses = dict(campaign.deliveries.values_list("subscriber__pk", "status"))
    assert statuses[leaving.pk] == statuses[erased.pk] == Delivery.Status.WITHDRAWN


def test_each_message_carries_its_own_unsubscribe_link_and_headers(issue):
    first = confirmed_subscriber("un@exemple.org")
    confirmed_subscriber("deux@exemple.org")
    mail.outbox.clear()
    campaign = send_now(issue)

    links = set()
    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert re.fullmatch(r"<http://\S+/newsletter/desinscription/\S+/\?envoi=\d+>", header)
        assert header[1:-1] in message.body
        assert header[1:-1].replace("&", "&amp;") in message.alternatives[0][0]
        assert message.extra_headers["Message-ID"].startswith(f"<lettre-{campaign.pk}-")
        links.add(header)
    assert len(links) == 2
    # The one-click POST a mail client makes from that header unsubscribes, counted in the report.
    [message] = [m for m in mail.outbox if m.to == [first.email]]
    url = message.extra_headers["List-Unsubscribe"][1:-1]
    Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    first.refresh_from_db()
    assert first.status == Subscriber.Status.UNSUBSCRIBED
    assert campaign.deliveries.get(subscriber=first).unsubscribed_at is not None


class RefusingEmailBackend(EmailBackend):
    def send_messages(self, messages):
        if messages[0].to == ["refuse@exemple.org"]:
            raise smtplib.SMTPRecipientsRefused({"refuse@exemple.org": (550, b"No such user")})
        return super().send_messages(messages)


@override_settings(EMAIL_BACKEND="tests.newsletter.test_campaigns.RefusingEmailBackend")
def test_an_address_the_server_refuses_fails_alone_and_shows_in_the_report(sender, issue):
    _, client = sender
    confirmed_subscriber("refuse@exemple.org")
    confirmed_subscriber("accepte@exemple.org")
    mail.outbox.clear()

    campaign = send_now(issue)

    assert [message.to for message in mail.outbox] == [["accepte@exemple.org"]]
    assert campaign.status == Campaign.Status.SENT
    failed = campaign.deliveries.get(status=Delivery.Status.FAILED)
    assert "No such user" in failed.error
    report = BeautifulSoup(
        client.get(f"/admin/newsletter/envois/{campaign.pk}/").content, "html.parser"
    )
    rows = {row.th.get_text(): row.td.get_text() for row in report.select("tr:has(th):has(td)")}
    assert rows["Refusés par le serveur d'envoi"] == "1"
    assert rows["Envoyés"] == "1"


class DownEmailBackend(EmailBackend):
    def open(self):
        raise smtplib.SMTPConnectError(421, "Service indisponible")


@override_settings(EMAIL_BACKEND="tests.newsletter.test_campaigns.DownEmailBackend")
def test_a_server_down_pauses_the_send_and_says_so(issue):
    confirmed_subscriber()

    campaign = send_now(issue)

    assert campaign.status == Campaign.Status.PAUSED
    assert "L'envoi est en pause" in campaign.last_error
    assert campaign.deliveries.get().status == Delivery.Status.QUEUED


def test_pause_resume_and_cancel_from_the_admin(sender, issue):
    _, client = sender
    confirmed_subscriber()
    campaign = Campaign.objects.create(
        issue=issue,
        subject=issue.title,
        revision=issue.live_revision,
        scheduled_at=timezone.now() + timezone.timedelta(days=1),
    )
    url = f"/admin/newsletter/envois/{campaign.pk}/"

    client.post(url, {"action": "pause"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PAUSED
    Campaign.objects.filter(pk=campaign.pk).update(scheduled_at=timezone.now())
    with committed():
        client.post(url, {"action": "resume"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert len(mail.outbox) == 1
    client.post(url, {"action": "cancel"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


def test_cancelling_stops_everyone_not_yet_sent(issue):
    confirmed_subscriber()
    campaign = Campaign.objects.create(
        issue=issue, subject=issue.title, revision=issue.live_revision
    )
    prepare(campaign)
    mail.outbox.clear()

    cancel(campaign)
    run_campaign(campaign.pk)

    assert not mail.outbox
    assert campaign.deliveries.get().status == Delivery.Status.CANCELLED


def test_a_schedule_needs_the_worker_backend(sender, issue):
    _, client = sender
    confirmed_subscriber()

    with committed():
        response = client.post(
            send_url(issue), {"action": "send", "scheduled_at": "2099-03-15T09:00"}
        )

    assert response.status_code == 400
    assert "db_worker" in response.content.decode()


def test_the_throttle_spaces_messages_evenly():
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    throttle = Throttle(per_minute=60, sleep=sleep, clock=lambda: now[0])
    for _ in range(5):
        throttle.wait()

    assert slept == [1.0, 1.0, 1.0, 1.0]


def test_links_in_emails_come_from_the_configured_site_not_the_host_header(client):
    """Issue 15, section 5."""
    client.post("/newsletter/", signup_data(), HTTP_HOST="localhost:6666")

    link = link_in(mail.outbox[-1], "/newsletter/confirmer/")
    assert "localhost:6666" not in mail.outbox[-1].body
    assert link.startswith("http://localhost/")


@pytest.mark.parametrize("campaign", ["abc", "9" * 30, "-1", ""])
def test_a_made_up_issue_number_on_an_unsubscribe_link_still_unsubscribes(campaign):
    subscriber = confirmed_subscriber()
    url = f"/newsletter/desinscription/{unsubscribe_token(subscriber)}/?envoi={campaign}"

    response = Client().post(url)

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
