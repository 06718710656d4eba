"""Pictures and PDFs for the demo, drawn locally with Pillow: nothing is downloaded.

Each picture is a composition (a gradient and a motif) seeded by its title, so every item gets
its own and a reload draws the same one. Files stay small (JPEG, two-page PDFs) so the media
folder and the tests stay light.
"""

import functools
import hashlib
import io
import math
import random
import unicodedata
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from .content import Illustration

COLLECTION_NAME = "Démo"
IMAGE_SIZE = (1600, 1000)
# Height over width of a cover (an A4 page).
A4_RATIO = 1.414
# A4 at 96 dpi: sharp enough to read on screen, light enough to keep each PDF well under 200 KB.
PDF_PAGE_SIZE = (794, 1123)
PDF_RESOLUTION = 96
JPEG_QUALITY = 80
INK = (33, 37, 41)
WHITE = (255, 255, 255)

# Dark, light and accent colours; the association's blues beside the ochres and greens of the
# cities it works with.
PALETTES = (
    ((16, 52, 110), (84, 160, 214), (245, 190, 65)),
    ((120, 40, 32), (226, 133, 80), (252, 226, 170)),
    ((20, 84, 70), (110, 190, 150), (240, 230, 140)),
    ((62, 36, 104), (170, 120, 200), (255, 200, 120)),
    ((30, 60, 80), (90, 170, 180), (250, 140, 90)),
    ((96, 64, 20), (210, 170, 90), (60, 120, 160)),
    ((140, 30, 70), (240, 140, 150), (255, 235, 200)),
    ((24, 40, 60), (120, 140, 170), (230, 200, 90)),
)


@dataclass(frozen=True)
class Leaflet:
    """A PDF: a cover drawn like an illustration, then a page of text."""

    title: str
    cover: Illustration
    kicker: str
    heading: str
    date_line: str
    paragraphs: tuple[str, ...]


@functools.cache
def font(size, bold=False):
    """DejaVu when the system has it (it covers Vietnamese), else Pillow's own font."""
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


def printable(text, chosen_font):
    """Pillow's fallback font has no accents: strip them rather than draw empty boxes."""
    if chosen_font.getname()[0].startswith("DejaVu"):
        return text
    text = text.replace("œ", "oe").replace("’", "'").replace("«", '"').replace("»", '"')
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def wrap(text, chosen_font, max_width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and chosen_font.getlength(candidate) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def write_lines(draw, lines, position, chosen_font, fill, line_spacing=1.3):
    x, y = position
    for line in lines:
        draw.text((x, y), line, font=chosen_font, fill=fill)
        y += round(chosen_font.size * line_spacing)
    return y


def gradient(size, start, end, rng):
    # Quarter turns only: any other angle would leave black corners.
    mask = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize(size)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def translucent(colour, alpha):
    return (*colour, alpha)


def motif_circles(draw, size, rng, palette):
    width, height = size
    for _ in range(rng.randint(5, 9)):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = translucent(rng.choice(palette), rng.randint(60, 140))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def motif_bands(draw, size, rng, palette):
    width, height = size
    band = width // rng.randint(6, 10)
    for left in range(-height, width, band * 2):
        colour = translucent(rng.choice(palette), rng.randint(50, 110))
        draw.polygon(
            [(left, height), (left + band, height), (left + band + height, 0), (left + height, 0)],
            fill=colour,
        )


def motif_tiles(draw, size, rng, palette):
    # A mosaic of diamonds, after the zellige and wax prints of the network's cities.
    width, height = size
    step = width // rng.randint(8, 14)
    for row in range(-1, height // step + 2):
        for column in range(-1, width // step + 2):
            if rng.random() < 0.45:
                continue
            cx, cy = column * step + (step // 2) * (row % 2), row * step
            half = step // 2 - 4
            colour = translucent(rng.choice(palette), rng.randint(70, 170))
            draw.polygon(
                [(cx, cy - half), (cx + half, cy), (cx, cy + half), (cx - half, cy)], fill=colour
            )


def motif_arches(draw, size, rng, palette):
    # A colonnade, for the heritage buildings many demo items are about.
    width, height = size
    count = rng.randint(4, 7)
    span = width // count
    top = height // rng.randint(3, 5)
    for index in range(count):
        left = index * span + span // 6
        right = (index + 1) * span - span // 6
        colour = translucent(rng.choice(palette), rng.randint(80, 160))
        draw.rectangle((left, top + (right - left) // 2, right, height), fill=colour)
        draw.ellipse((left, top, right, top + (right - left)), fill=colour)


def motif_waves(draw, size, rng, palette):
    # Rivers and coasts: climate resilience is a recurring subject.
    width, height = size
    for index in range(rng.randint(5, 9)):
        baseline = height * (index + 1) / 10
        amplitude = rng.randint(height // 40, height // 12)
        wavelength = rng.randint(width // 4, width // 2)
        points = [
            (x, baseline + amplitude * math.sin(2 * math.pi * x / wavelength))
            for x in range(0, width + 20, 20)
        ]
        colour = translucent(rng.choice(palette), rng.randint(90, 180))
        draw.line(points, fill=colour, width=rng.randint(height // 80, height // 30), joint="curve")


MOTIFS = (motif_circles, motif_bands, motif_tiles, motif_arches, motif_waves)


def composition(seed, size):
    """A gradient and a motif, both chosen by the seed: same title, same picture."""
    rng = random.Random(seed)
    palette = rng.choice(PALETTES)
    canvas = gradient(size, palette[0], palette[1], rng).convert("RGBA")
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    rng.choice(MOTIFS)(ImageDraw.Draw(overlay), size, rng, palette)
    return Image.alpha_composite(canvas, overlay)


def draw_illustration(illustration, size):
    picture = composition(illustration.title, size)
    width, height = size
    caption_font = font(max(12, height // 16), bold=True)
    margin = width // 24
    lines = wrap(printable(illustration.caption, caption_font), caption_font, width - 4 * margin)
    lines = lines[:3]
    line_height = round(caption_font.size * 1.3)
    band_top = height - margin - len(lines) * line_height - margin
    band = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(band).rectangle((0, band_top, width, height), fill=(0, 0, 0, 120))
    picture = Image.alpha_composite(picture, band).convert("RGB")
    write_lines(
        ImageDraw.Draw(picture), lines, (margin, band_top + margin // 2), caption_font, WHITE
    )
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return output.getvalue()


def draw_cover(leaflet):
    width, height = PDF_PAGE_SIZE
    cover = composition(leaflet.cover.title, PDF_PAGE_SIZE).convert("RGB")
    draw = ImageDraw.Draw(cover)
    margin = width // 12
    draw.text((margin, margin), "AIMF", font=font(48, bold=True), fill=WHITE)
    panel_top = height * 3 // 5
    draw.rectangle((0, panel_top, width, height), fill=WHITE)
    kicker_font, heading_font, date_font = font(24, bold=True), font(38, bold=True), font(22)
    y = panel_top + margin // 2
    y = write_lines(draw, [printable(leaflet.kicker, kicker_font)], (margin, y), kicker_font, INK)
    heading = wrap(printable(leaflet.heading, heading_font), heading_font, width - 2 * margin)
    y = write_lines(draw, heading[:4], (margin, y + 12), heading_font, INK)
    write_lines(draw, [printable(leaflet.date_line, date_font)], (margin, y + 12), date_font, INK)
    return cover


def draw_text_page(leaflet):
    width, _ = PDF_PAGE_SIZE
    page = Image.new("RGB", PDF_PAGE_SIZE, WHITE)
    draw = ImageDraw.Draw(page)
    margin = width // 12
    heading_font, text_font = font(28, bold=True), font(18)
    heading = wrap(printable(leaflet.heading, heading_font), heading_font, width - 2 * margin)
    y = write_lines(draw, heading, (margin, margin), heading_font, INK)
    for paragraph in leaflet.paragraphs:
        lines = wrap(printable(paragraph, text_font), text_font, width - 2 * margin)
        y = write_lines(draw, lines, (margin, y + 18), text_font, INK, line_spacing=1.5)
    return page


def draw_pdf(leaflet):
    output = io.BytesIO()
    draw_cover(leaflet).save(
        output,
        "PDF",
        save_all=True,
        append_images=[draw_text_page(leaflet)],
        resolution=PDF_RESOLUTION,
        quality=JPEG_QUALITY,
        title=leaflet.title,
        author="Association internationale des maires francophones",
    )
    return output.getvalue()


def fingerprint(*parts):
    """A short digest of what a file shows, put first in its name to tell when to redraw it.

    First, because Wagtail shortens long file names from the end.
    """
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:10]


def file_is_current(field_file, digest):
    return (
        bool(field_file)
        and digest in field_file.name
        and field_file.storage.exists(field_file.name)
    )


def record_size_and_hash(media, data):
    """What Wagtail's upload forms record of a new file (size, and the hash its duplicate
    detection compares), through the model's public fields: Wagtail's own helpers for it,
    `_set_image_file_metadata()` and `_set_document_file_metadata()`, are private."""
    media.file_size = len(data)
    media.file_hash = hash_filelike(io.BytesIO(data))


def demo_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
        name=COLLECTION_NAME
    )


class MediaLibrary:
    """The demo's pictures and PDFs, found by title in the "Démo" collection, drawn if missing.

    A file is redrawn only when what it shows changed or it vanished from the storage, so a
    reload neither duplicates media nor rewrites files for nothing.
    """

    def __init__(self):
        self.collection = demo_collection()
        self.image_model = get_image_model()
        self.document_model = get_document_model()
        self.drawn = 0

    def image(self, illustration, portrait=False):
        """A landscape picture, or with portrait=True a page-shaped one (a cover, A4 ratio)."""
        size = (IMAGE_SIZE[1], round(IMAGE_SIZE[1] * A4_RATIO)) if portrait else IMAGE_SIZE
        digest = fingerprint(illustration, size)
        image = self.image_model.objects.filter(
            collection=self.collection, title=illustration.title
        ).first()
        if image is None:
            image = self.image_model(collection=self.collection, title=illustration.title)
        elif file_is_current(image.file, digest) and image.description == illustration.alt_text:
            return image
        image.description = illustration.alt_text
        if not file_is_current(image.file, digest):
            name = f"demo-{digest}-{slugify(illustration.title)[:50]}.jpg"
            data = draw_illustration(illustration, size)
            image.file = ImageFile(io.BytesIO(data), name)
            record_size_and_hash(image, data)
            if image.pk:
                # Renditions were cut from the previous file.
                image.renditions.all().delete()
            self.drawn += 1
        image.save()
        return image

    def document(self, leaflet):
        digest = fingerprint(leaflet, PDF_PAGE_SIZE)
        document = self.document_model.objects.filter(
            collection=self.collection, title=leaflet.title
        ).first()
        if document is not None and file_is_current(document.file, digest):
            return document
        if document is None:
            document = self.document_model(collection=self.collection, title=leaflet.title)
        name = f"demo-{digest}-{slugify(leaflet.title)[:50]}.pdf"
        data = draw_pdf(leaflet)
        document.file = ContentFile(data, name=name)
        record_size_and_hash(document, data)
        document.save()
        self.drawn += 1
        return document
