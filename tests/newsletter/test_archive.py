"""/lettre/, the public archive: the issues that have gone out, not those approved and waiting
for their send; and the cached archive is rebuilt as soon as a send begins."""

import datetime

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from newsletter.factories import NewsletterIssuePageFactory
from newsletter.models import Campaign
from newsletter.sending import start_campaign
from tests.html import parse, text_of

from .helpers import confirmed_subscriber

pytestmark = pytest.mark.django_db

ARCHIVE = "/lettre/"


def send_now(issue):
    """Starts the send, then runs what waits for the commit (the send itself, here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        start_campaign(issue, [], None)


def listed_titles(response):
    archive = parse(response).select_one(".newsletter-archive")
    return [text_of(link) for link in archive.select("a")] if archive else []


def test_only_issues_whose_send_has_begun_are_listed():
    confirmed_subscriber("maire@exemple.org")
    sent = NewsletterIssuePageFactory(title="Lettre de février")
    send_now(sent)
    approved = NewsletterIssuePageFactory(title="Lettre de mars, approuvée")
    scheduled = NewsletterIssuePageFactory(title="Lettre d'avril, programmée")
    Campaign.objects.create(
        issue=scheduled,
        subject=scheduled.title,
        revision=scheduled.live_revision,
        scheduled_at=timezone.now() + datetime.timedelta(days=3),
    )

    response = Client().get(ARCHIVE)

    assert response.status_code == 200
    assert listed_titles(response) == ["Lettre de février"]
    started = Campaign.objects.get(issue=sent).started_at
    shown = parse(response).select_one(".newsletter-archive time")["datetime"]
    assert shown == timezone.localdate(started).isoformat()  # a date: what the page says
    # Not listed, but its web version exists already (the email's « voir dans le navigateur »).
    assert Client().get(approved.url).status_code == 200


def test_an_archive_with_no_issue_sent_says_so():
    NewsletterIssuePageFactory(title="Lettre de mars, approuvée")

    response = Client().get(ARCHIVE)

    assert listed_titles(response) == []
    assert "Aucun numéro n'est encore paru." in text_of(parse(response).find("main"))


def test_the_cached_archive_shows_an_issue_once_its_send_begins():
    confirmed_subscriber("maire@exemple.org")
    issue = NewsletterIssuePageFactory(title="Lettre de mars")
    visitor = Client()
    assert visitor.get(ARCHIVE)["X-Cache"] == "MISS"
    assert visitor.get(ARCHIVE)["X-Cache"] == "HIT"

    send_now(issue)

    response = visitor.get(ARCHIVE)
    assert response["X-Cache"] == "MISS"
    assert listed_titles(response) == ["Lettre de mars"]
