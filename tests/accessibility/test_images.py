"""Content images: renditions in AVIF, WebP and JPEG, 1x/2x candidates, explicit dimensions, and
lazy loading only where the image starts below the fold."""

from bs4 import BeautifulSoup

from .site import THEME


def pictures(client, path, selector="main picture"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(selector)


def candidate_widths(srcset):
    return [int(candidate.split()[-1].removesuffix("w")) for candidate in srcset.split(",")]


def assert_responsive(picture, widths):
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    image = picture.find("img")
    assert image["src"].endswith(".jpg")
    for element, extension in [*zip(sources, [".avif", ".webp"], strict=True), (image, ".jpg")]:
        assert candidate_widths(element["srcset"]) == widths
        assert all(c.split()[0].endswith(extension) for c in element["srcset"].split(","))
        assert element["sizes"]
    assert int(image["width"]) == widths[0]
    assert int(image["height"]) > 0
    assert "alt" in image.attrs
    return image


def test_the_theme_hero_loads_first_and_cards_after_the_first_row_wait(client, public_site):
    hero, *cards, promo = pictures(client, f"{THEME}/")

    hero_image = assert_responsive(hero, [480, 960, 1000])
    assert hero_image["fetchpriority"] == "high"
    assert "loading" not in hero_image.attrs

    card_images = [assert_responsive(card, [480, 960]) for card in cards]
    loading = [image["loading"] for image in card_images]
    first_section = 3  # the news section, whose first row shows under the hero
    assert loading[:first_section] == ["eager"] * first_section
    assert set(loading[first_section:]) == {"lazy"}
    assert assert_responsive(promo, [160, 320])["loading"] == "lazy"  # a cover, at its ratio


def test_a_listing_loads_its_first_row_at_once(client, public_site):
    cards = pictures(client, f"{THEME}/actualites/")
    loading = [assert_responsive(card, [480, 960])["loading"] for card in cards]
    assert loading == ["eager", "eager", "eager", "lazy"]


def test_an_item_page_loads_its_header_image_first_and_body_images_lazily(client, public_site):
    header, body = pictures(client, f"{THEME}/le-patrimoine-de-la-ville-chantier-numero-1/")
    header_image = assert_responsive(header, [480, 960, 1000])
    assert header_image["fetchpriority"] == "high"
    assert "loading" not in header_image.attrs
    assert assert_responsive(body, [800, 1000])["loading"] == "lazy"
