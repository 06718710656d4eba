"""An uploaded photo loses its camera metadata (date, device, GPS position): renditions, which
the public sees, copy the original's, and originals stay in the media library forever."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from .helpers import image_form_data, jpeg_upload

pytestmark = pytest.mark.django_db

GPS_INFO, MAKE, ORIENTATION = 0x8825, 0x010F, 0x0112
ROTATED_90 = 6  # the camera was held upright: the picture is to be turned a quarter


def photo_with_metadata():
    exif = Image.Exif()
    exif[MAKE] = "Appareil de la mairie"
    exif[ORIENTATION] = ROTATED_90
    exif[GPS_INFO] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    return jpeg_upload((1200, 1000), exif=exif)


def stored_exif(field_file):
    with field_file.open() as opened, Image.open(io.BytesIO(opened.read())) as picture:
        return dict(picture.getexif()), picture.size


def assert_without_metadata(image):
    exif, size = stored_exif(image.file)
    assert exif == {}
    assert size == (1000, 1200), "turned as the camera said before its tag was dropped"
    for spec in ("fill-480x300|format-jpeg", "width-800"):
        assert stored_exif(image.get_rendition(spec).file)[0] == {}, spec


def test_an_upload_keeps_no_camera_metadata(redacteur_client):
    response = redacteur_client.post(
        reverse("wagtailimages:add"),
        image_form_data(file=photo_with_metadata(), description="La citadelle de Hué"),
    )
    assert response.status_code == 302
    assert_without_metadata(get_image_model().objects.get(title="Citadelle de Hué"))


def test_the_multiple_uploader_keeps_none_either(redacteur_client):
    """It holds the upload until the editor gives its alt text, then makes the image."""
    ajax = {"x-requested-with": "XMLHttpRequest"}
    redacteur_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": photo_with_metadata()}, headers=ajax
    )
    upload = UploadedFile.objects.get()
    prefix = f"uploaded-image-{upload.pk}-"
    fields = image_form_data(description="La citadelle de Hué")
    response = redacteur_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload.pk,)),
        {prefix + name: value for name, value in fields.items()},
        headers=ajax,
    )
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    assert_without_metadata(image)
    kept = [path.name for path in Path(settings.MEDIA_ROOT, "original_images").iterdir()]
    assert kept == [image.file.name.rsplit("/", 1)[-1]], "no copy with the metadata is left"
