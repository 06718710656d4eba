"""The Éditeurs' dashboard: what waits for their review and what goes live or expires next."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

from .helpers import add_news_url, edit_url, news_form_data

pytestmark = pytest.mark.django_db

PANEL = 'id="programmation-section"'


@pytest.fixture
def scheduled(editeur_client, theme):
    go_live_at = timezone.localtime(timezone.now() + datetime.timedelta(days=2))
    editeur_client.post(
        add_news_url(theme),
        news_form_data(
            "Rencontre à Montréal",
            "rencontre-montreal",
            ImageFactory(),
            action="publish",
            go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
        ),
    )
    return NewsPage.objects.get(slug="rencontre-montreal")


@pytest.fixture
def expiring(theme):
    return NewsPageFactory(
        parent=theme,
        title="Appel à candidatures",
        expire_at=timezone.now() + datetime.timedelta(days=3),
    )


def test_an_editeur_sees_what_goes_live_and_expires_next(
    editeur_client, scheduled, expiring, theme
):
    NewsPageFactory(parent=theme, title="Déjà en ligne sans date")

    dashboard = editeur_client.get(reverse("wagtailadmin_home")).content.decode()

    assert PANEL in dashboard
    assert "Rencontre à Montréal" in dashboard and edit_url(scheduled) in dashboard
    assert "Appel à candidatures" in dashboard and edit_url(expiring) in dashboard
    assert "Déjà en ligne sans date" not in dashboard


def test_an_editeur_with_nothing_scheduled_is_told_so(editeur_client):
    dashboard = editeur_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Aucune mise en ligne programmée." in dashboard
    assert "Aucune expiration programmée." in dashboard


@pytest.mark.parametrize("user_client", ["redacteur_client", "newsletter_client"])
def test_who_cannot_publish_does_not_get_the_panel(request, user_client, scheduled, expiring):
    client = request.getfixturevalue(user_client)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert PANEL not in dashboard
    assert "Rencontre à Montréal" not in dashboard
