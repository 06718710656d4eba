"""No image reaches a page without alt text, unless an editor has said it is decorative.

The media library requires each image's « Texte alternatif » (its description); a page refuses
an image lacking one unless « Image décorative » is ticked; body images carry their own alt text
or decorative box (Wagtail's ImageBlock). Then the pages show exactly that text, or alt="".
"""

import re

import pytest
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model

from aimf_portal.editorial.blocks import ImageWithCaptionBlock
from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

from .helpers import add_news_url, image_form_data, jpeg_upload, news_form_data

pytestmark = pytest.mark.django_db

Image = get_image_model()


def alt_attributes(html, css_class):
    """The alt of each <img> inside the elements of this class."""
    blocks = re.findall(rf'class="{css_class}"(.*?)</(?:figure|div)>', html, re.S)
    return [alt for block in blocks for alt in re.findall(r'<img[^>]* alt="([^"]*)"', block)]


def test_the_library_refuses_an_image_without_alt_text(redacteur_client):
    response = redacteur_client.post(
        reverse("wagtailimages:add"), image_form_data(file=jpeg_upload(), description="")
    )

    assert response.status_code == 200
    assert "Donnez un texte alternatif" in response.text
    assert "Texte alternatif" in response.text
    assert not Image.objects.filter(title="Citadelle de Hué").exists()


def test_the_library_accepts_an_image_with_alt_text(redacteur_client):
    response = redacteur_client.post(
        reverse("wagtailimages:add"),
        image_form_data(file=jpeg_upload(), description="La citadelle de Hué restaurée"),
    )

    assert response.status_code == 302
    assert Image.objects.get(title="Citadelle de Hué").description == (
        "La citadelle de Hué restaurée"
    )


def test_the_library_refuses_an_image_too_small_for_the_pictures_it_would_fill(redacteur_client):
    response = redacteur_client.post(
        reverse("wagtailimages:add"),
        image_form_data(file=jpeg_upload((999, 800)), description="La citadelle de Hué"),
    )

    assert response.status_code == 200
    assert "Image trop petite (999 × 800 pixels)" in response.text
    assert not Image.objects.filter(title="Citadelle de Hué").exists()


def test_the_multiple_uploader_refuses_a_small_image_too(redacteur_client):
    response = redacteur_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": jpeg_upload((640, 480))},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.json()["success"] is False
    assert "Image trop petite (640 × 480 pixels)" in response.json()["error_message"]
    assert not Image.objects.exists()


def test_editing_an_image_cannot_remove_its_alt_text(redacteur_client):
    image = ImageFactory(title="Citadelle de Hué", description="La citadelle restaurée")

    response = redacteur_client.post(
        reverse("wagtailimages:edit", args=(image.pk,)), image_form_data(description="  ")
    )

    assert response.status_code == 200
    assert "Donnez un texte alternatif" in response.text
    image.refresh_from_db()
    assert image.description == "La citadelle restaurée"


def test_a_page_refuses_an_image_without_alt_text(redacteur_client, theme):
    undescribed = ImageFactory(description="")

    response = redacteur_client.post(
        add_news_url(theme), news_form_data("Sans texte", "sans-texte", undescribed)
    )

    assert response.status_code == 200
    assert "Cette image n&#x27;a pas de texte alternatif" in response.text
    assert not NewsPage.objects.filter(slug="sans-texte").exists()


def test_a_decorative_image_needs_no_alt_text_and_is_shown_with_an_empty_one(
    redacteur_client, theme, client
):
    undescribed = ImageFactory(description="")
    redacteur_client.post(
        add_news_url(theme),
        news_form_data("Décor", "decor", undescribed, image_is_decorative="on"),
    )
    news = NewsPage.objects.get(slug="decor")
    assert news.image_is_decorative
    news.save_revision().publish()

    page_html = client.get(news.url).content.decode()
    theme_html = client.get(theme.url).content.decode()

    assert alt_attributes(page_html, "item-header__media") == [""]
    assert alt_attributes(theme_html, "card__media") == [""]


def test_otherwise_the_alt_is_the_image_s_alt_text_everywhere(client, theme):
    image = ImageFactory(description="Le maire de Hué devant la citadelle")
    news = NewsPageFactory(parent=theme, image=image)

    assert alt_attributes(client.get(news.url).content.decode(), "item-header__media") == [
        "Le maire de Hué devant la citadelle"
    ]
    assert alt_attributes(client.get(theme.url).content.decode(), "card__media") == [
        "Le maire de Hué devant la citadelle"
    ]


def test_a_theme_s_header_image_follows_the_same_rule(client, theme):
    theme.image = ImageFactory(description="Les toits de Hué")
    theme.save_revision().publish()
    assert alt_attributes(client.get(theme.url).content.decode(), "hero__media") == [
        "Les toits de Hué"
    ]

    theme.image_is_decorative = True
    theme.save_revision().publish()
    assert alt_attributes(client.get(theme.url).content.decode(), "hero__media") == [""]


def body_with_image(image_value):
    return [
        {"type": "image", "value": {"image": image_value, "caption": "La citadelle"}},
    ]


@pytest.mark.parametrize(
    ("image_value", "expected_alt"),
    [
        (
            {"alt_text": "Vue aérienne de la citadelle", "decorative": False},
            "Vue aérienne de la citadelle",
        ),
        ({"alt_text": "", "decorative": True}, ""),
        # As ImageChooserBlock stored it, before ImageBlock: the library's alt text.
        (None, "Texte de la médiathèque"),
    ],
    ids=["its own alt text", "decorative", "stored before ImageBlock"],
)
def test_a_body_image_shows_its_alt_text_or_an_empty_one(client, theme, image_value, expected_alt):
    image = ImageFactory(description="Texte de la médiathèque")
    stored = image.pk if image_value is None else {"image": image.pk, **image_value}
    news = NewsPageFactory(parent=theme, body=body_with_image(stored))

    html = client.get(news.url).content.decode()

    assert alt_attributes(html, "body-image") == [expected_alt]


def test_a_body_image_without_alt_text_is_refused_unless_decorative():
    block = ImageWithCaptionBlock()
    image = ImageFactory()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    [message] = refused.value.block_errors["image"].block_errors["alt_text"].messages
    assert message == "Veuillez ajouter un texte alternatif ou marquer l'image comme décorative"

    decorative = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    assert block.clean(decorative)["image"].decorative


def test_an_image_whose_alt_text_was_lost_since_is_named_by_its_title(client, theme):
    image = ImageFactory(title="Citadelle de Hué", description="La citadelle")
    news = NewsPageFactory(parent=theme, image=image)
    Image.objects.filter(pk=image.pk).update(description="")

    html = client.get(news.url).content.decode()

    assert alt_attributes(html, "item-header__media") == ["Citadelle de Hué"]
