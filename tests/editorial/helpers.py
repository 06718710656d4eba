"""What the editorial tests share: the groups' names, their members' accounts, the admin's login
form and the admin forms they post."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

REDACTEURS = "Rédacteurs"
EDITEURS = "Éditeurs"
NEWSLETTER = "Newsletter"
PASSWORD = "un mot de passe de test assez long"


def account(django_user_model, username, group_name, **fields):
    """A member of `group_name` who can log in with PASSWORD (`fields`: first_name…)."""
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@aimf.example", password=PASSWORD, **fields
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, base_url, username):
    """Log a browser tab into the admin through its login form, as a person would."""
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


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
            "cities": "Cotonou",
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


def jpeg_upload(size=(1000, 625), exif=None, name="citadelle.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG", exif=exif or Image.Exif())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def image_form_data(**fields):
    """The media library's add form as the admin posts it."""
    return {
        "title": "Citadelle de Hué",
        "collection": str(Collection.get_first_root_node().pk),
        "tags": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
        **fields,
    }
