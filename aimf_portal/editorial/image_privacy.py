"""Photos lose their camera metadata (date, device, GPS position) when they enter the media
library: Wagtail's renditions, which the public sees, copy the original's EXIF. Done when the
image is saved with a new file, whichever way it came (form, multiple uploader, code)."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageOps
from wagtail.utils.file import hash_filelike


def without_metadata(data):
    """The image re-encoded without EXIF and XMP, turned as the camera said; None if it has
    none (nothing to do)."""
    with Image.open(io.BytesIO(data)) as picture:
        if not (picture.getexif() or "xmp" in picture.info or "XML:com.adobe.xmp" in picture.info):
            return None
        options = {"icc_profile": picture.info.get("icc_profile")}
        if picture.format == "JPEG":
            options["quality"] = 95
        buffer = io.BytesIO()
        ImageOps.exif_transpose(picture).save(buffer, picture.format, **options)
    return buffer.getvalue()


def strip_metadata_from_new_files(sender, instance, **kwargs):
    """pre_save of the image model: only a new image, or one given a new file (its hash)."""
    if instance.pk is not None:
        stored_hash = sender.objects.filter(pk=instance.pk).values_list("file_hash", flat=True)
        if list(stored_hash) == [instance.file_hash]:
            return
    name = instance.file.name
    already_stored = instance.file.storage.exists(name)
    if instance.file.closed:
        with instance.file.open("rb"):
            stripped = without_metadata(instance.file.read())
    else:  # an upload Wagtail reads again as it saves: left open, at its start
        instance.file.seek(0)
        stripped = without_metadata(instance.file.read())
        instance.file.seek(0)
    if stripped is None:
        return
    instance.file.close()  # replaced: whoever opened it will not read it again
    instance.file.save(name.rsplit("/", 1)[-1], ContentFile(stripped), save=False)
    if already_stored:  # as the multiple uploader stores it, GPS position included
        instance.file.storage.delete(name)
    with Image.open(io.BytesIO(stripped)) as picture:
        instance.width, instance.height = picture.size
    instance.file_size = len(stripped)
    instance.file_hash = hash_filelike(io.BytesIO(stripped))
