"""Image renditions used by more than one template, named once so listings can prefetch them."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

CARD_SIZES = ("fill-480x300", "fill-960x600")
IMAGE_FORMATS = ("avif", "webp", "jpeg")


def rendition_specs(sizes):
    """The filter specs `{% picture image <sizes> format-{avif,webp,jpeg} %}` asks for."""
    return [f"{size}|format-{image_format}" for size in sizes for image_format in IMAGE_FORMATS]


def prefetch_card_image(lookup="image"):
    """Fetch a listing's card images and their renditions in two queries, whatever its length."""
    return Prefetch(
        lookup,
        queryset=get_image_model().objects.prefetch_renditions(*rendition_specs(CARD_SIZES)),
    )


# The feeds' enclosure: one of the card's renditions, which listings prefetch.
ENCLOSURE_FILTER = "fill-960x600|format-jpeg"
