"""Two preview modes for an item: the page itself, and its card as the theme page shows it."""

import pytest
from django.urls import reverse

from aimf_portal.items.factories import ImageFactory
from aimf_portal.items.models import CARD_PREVIEW_MODE
from news.factories import NewsPageFactory

from .helpers import news_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_news(theme, client):
    news = NewsPageFactory(parent=theme, title="Titre publié", teaser="Chapeau publié.")
    # The live card is rendered, hence cached, before the preview asks for its own.
    assert "Titre publié" in client.get(theme.url).text
    return news


def preview(editor_client, news, mode):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(news.pk,))
    data = news_form_data("Titre en cours", news.slug, ImageFactory(description="Une place"))
    data["teaser"] = "Chapeau en cours de rédaction."
    assert editor_client.post(url, data).json()["is_valid"]
    return editor_client.get(url, {"mode": mode})


def test_the_item_offers_both_preview_modes(live_news):
    assert [name for name, _ in live_news.preview_modes] == ["", CARD_PREVIEW_MODE]
    assert dict(live_news.preview_modes)[CARD_PREVIEW_MODE] == "Carte sur la page thématique"


def test_the_card_preview_shows_the_unsaved_card_not_the_cached_live_one(
    redacteur_client, live_news
):
    response = preview(redacteur_client, live_news, CARD_PREVIEW_MODE)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<article class="card">') == 1
    assert "Titre en cours" in html and "Chapeau en cours de rédaction." in html
    assert "Titre publié" not in html
    assert 'alt="Une place"' in html
    assert "<h1" not in html.split('<article class="card">')[1]


def test_the_page_preview_shows_the_whole_page(redacteur_client, live_news):
    response = preview(redacteur_client, live_news, "")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<header class="item-header">' in html
    assert "<h1>Titre en cours</h1>" in html
    assert '<article class="card">' not in html
