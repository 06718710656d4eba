"""Renaming or moving a page never breaks a shared link: Wagtail creates a permanent redirect
from the old address (WAGTAILREDIRECTS_AUTO_CREATE, on by default)."""

import pytest
from django.urls import reverse

from aimf_portal.factories import ThemePageFactory
from news.factories import NewsPageFactory

from .helpers import edit_url, news_form_data

pytestmark = pytest.mark.django_db


def assert_moved_permanently(client, old_url, new_url):
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert client.get(new_url).status_code == 200


def test_changing_a_news_items_slug_redirects_its_old_address(
    editeur_client, theme, client, django_capture_on_commit_callbacks
):
    news = NewsPageFactory(parent=theme, title="Forum à Dakar", slug="forum-dakar")
    old_url = news.url

    # Wagtail announces the new slug once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        editeur_client.post(
            edit_url(news),
            news_form_data(news.title, "forum-des-maires-dakar", news.image, action="publish"),
        )

    news.refresh_from_db()
    assert news.url == "/culture-patrimoine/forum-des-maires-dakar/"
    assert_moved_permanently(client, old_url, news.url)


def test_moving_a_news_item_to_another_theme_redirects_its_old_address(
    editeur_client, theme, client
):
    other_theme = ThemePageFactory(title="Gouvernance locale")
    news = NewsPageFactory(parent=theme, title="Budget participatif", slug="budget-participatif")
    old_url = news.url

    response = editeur_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=(news.pk, other_theme.pk))
    )

    assert response.status_code == 302
    news.refresh_from_db()
    assert news.url == "/gouvernance-locale/budget-participatif/"
    assert_moved_permanently(client, old_url, news.url)
