"""Image renditions used by more than one template, named once so listings can prefetch them."""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

CARD_SIZES = ("fill-480x300", "fill-960x600")
IMAGE_FORMATS = ("avif", "webp", "jpeg")


def rendition_specs(sizes):
    """The filter specs `{% picture image <sizes> format-{avif,webp,jpeg} %}` asks for."""
    return [f"{size}|format-{image_format}" for size in sizes for image_format in IMAGE_FORMATS]


def prefetch_card_renditions(images):
    """The card renditions of these images (fetched with their items), in one query: as
    ImageQuerySet.prefetch_renditions() does it, under the attribute Wagtail's get_rendition()
    reads, for images that come from select_related rather than from an image queryset."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=rendition_specs(CARD_SIZES))
    )
    prefetch_related_objects(
        [image for image in images if image is not None],
        Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )


# The feeds' enclosure: one of the card's renditions, which listings prefetch.
ENCLOSURE_FILTER = "fill-960x600|format-jpeg"
