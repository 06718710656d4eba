"""Scheduled publishing end to end: an Éditeur sets « go live » and « expiry » dates in the
admin, and the cron job `manage.py publish_scheduled` puts the item on (and takes it off) its
theme page when its time has come."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

from .helpers import add_news_url, news_form_data

pytestmark = pytest.mark.django_db


def admin_datetime(moment):
    """A date and time as the admin's date-time picker sends it, in the site's time zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def publish_scheduled(at=None):
    """The cron job, run now or, with `at`, as the clock would run it at that moment."""
    with pytest.MonkeyPatch.context() as clock:
        if at is not None:
            clock.setattr(timezone, "now", lambda: at)
        call_command("publish_scheduled", verbosity=0)


def test_a_scheduled_news_item_goes_live_on_its_theme_page_at_its_time(
    editeur_client, theme, client
):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    editeur_client.post(
        add_news_url(theme),
        news_form_data(
            "Sommet des maires à Québec",
            "sommet-quebec",
            ImageFactory(),
            action="publish",
            go_live_at=admin_datetime(tomorrow),
        ),
    )
    news = NewsPage.objects.get(slug="sommet-quebec")
    assert not news.live and news.approved_schedule

    publish_scheduled()
    news.refresh_from_db()
    assert not news.live
    assert "Sommet des maires à Québec" not in client.get(theme.url).content.decode()

    publish_scheduled(at=tomorrow + datetime.timedelta(minutes=1))

    news = NewsPage.objects.get(pk=news.pk)
    assert news.live and not news.approved_schedule
    assert "Sommet des maires à Québec" in client.get(theme.url).content.decode()


def test_an_approved_submission_waits_for_its_date(redacteur_client, editeur_client, theme):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    redacteur_client.post(
        add_news_url(theme),
        news_form_data(
            "Assemblée générale",
            "assemblee",
            ImageFactory(),
            action="submit",
            go_live_at=admin_datetime(tomorrow),
        ),
    )
    news = NewsPage.objects.get(slug="assemblee")
    task_state = news.current_workflow_state.current_task_state
    editeur_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(news.pk, "approve", task_state.pk)),
        {"comment": ""},
    )
    news.refresh_from_db()
    assert not news.live and news.approved_schedule

    publish_scheduled(at=tomorrow + datetime.timedelta(minutes=1))

    news.refresh_from_db()
    assert news.live


def test_an_expired_news_item_leaves_its_theme_page(theme, client):
    news = NewsPageFactory(parent=theme, title="Appel à projets clos")
    assert "Appel à projets clos" in client.get(theme.url).content.decode()
    NewsPage.objects.filter(pk=news.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    publish_scheduled()

    news.refresh_from_db()
    assert not news.live and news.expired
    assert "Appel à projets clos" not in client.get(theme.url).content.decode()
