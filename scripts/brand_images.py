"""Draws the portal's raster brand images from the mark of static/img/favicon.svg: favicon.ico
(16, 32, 48), apple-touch-icon.png (180), icon-192.png and icon-512.png (web manifest) and the
default share image og-default.png (1200×630). Run it again after changing the mark:

    .venv/bin/python scripts/brand_images.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC_IMG = Path(__file__).resolve().parent.parent / "static" / "img"
ACCENT = (138, 21, 56)
WHITE = (255, 255, 255)
# The mark on a 48-unit grid, as in favicon.svg: four cities linked inside a triangle.
CITIES = [(24, 13), (11, 29), (37, 29), (24, 36)]
LINKS = [(0, 1), (1, 2), (2, 0), (0, 3), (1, 3), (2, 3)]


def draw_mark(draw, origin, unit, colour, line=3, dot=5):
    x0, y0 = origin

    def at(point):
        return (x0 + point[0] * unit, y0 + point[1] * unit)

    for start, end in LINKS:
        draw.line([at(CITIES[start]), at(CITIES[end])], fill=colour, width=round(line * unit))
    for city in CITIES:
        cx, cy = at(city)
        radius = dot * unit
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colour)


def icon(size):
    """The favicon: the mark in white on the accent colour, rounded corners."""
    scale = 4  # drawn large, then reduced: smooth edges
    big = Image.new("RGBA", (size * scale, size * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    unit = size * scale / 48
    draw.rounded_rectangle([0, 0, size * scale - 1, size * scale - 1], 10 * unit, fill=ACCENT)
    draw_mark(draw, (0, 0), unit, WHITE)
    return big.resize((size, size), Image.LANCZOS)


def share_image():
    image = Image.new("RGB", (1200, 630), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.ellipse([90, 165, 390, 465], outline=WHITE, width=14)
    draw_mark(draw, (90, 165), 300 / 48, WHITE, line=2.5, dot=4.5)
    bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 150)
    regular = ImageFont.truetype("DejaVuSans.ttf", 44)
    draw.text((450, 170), "AIMF", font=bold, fill=WHITE)
    for number, line in enumerate(
        ("Association internationale", "des maires francophones", "Des villes qui coopèrent")
    ):
        draw.text((455, 355 + number * 58), line, font=regular, fill=WHITE)
    return image


def main():
    icon(48).save(STATIC_IMG / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    icon(180).convert("RGB").save(STATIC_IMG / "apple-touch-icon.png", optimize=True)
    for size in (192, 512):
        icon(size).save(STATIC_IMG / f"icon-{size}.png", optimize=True)
    share_image().save(STATIC_IMG / "og-default.png", optimize=True)


if __name__ == "__main__":
    main()
