"""What the editorial tests share: the groups' names and the admin forms they post."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

REDACTEURS = "Rédacteurs"
EDITEURS = "Éditeurs"
NEWSLETTER = "Newsletter"


def add_news_url(theme):
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", theme.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def news_form_data(title, slug, image, *, countries="Bénin, Sénégal", action=None, **fields):
    """The create or edit form of a news item as the admin posts it; `action` is the button
    pressed: "publish", "submit" (for moderation) or None (save a draft)."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "teaser": f"{title}, en une phrase.",
            "date": "2026-11-28",
            "city": "Cotonou",
            "countries": countries,
            "image": str(image.pk),
            "body": streamfield([("paragraph", rich_text("<p>Le texte de l'actualité.</p>"))]),
            "comments": inline_formset([]),
            **fields,
        }
    )
    if action:
        data[f"action-{action}"] = "1"
    return data
