"""An issue as an email: email-safe HTML (tables, inline styles, absolute links, 600 px) and a
readable plain-text part, rendered once per send; each recipient's own links are put in by
string replacement, so 100,000 recipients cost one rendering.
"""

import logging
import re
import secrets
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.urls import reverse

from .blocks import MISSING_ITEM_MESSAGE, is_published
from .links import absolute, site_root_url

logger = logging.getLogger(__name__)

CARD_IMAGE_FILTER = "fill-560x315"
# Inline styles email clients keep (no <style> sheet in Gmail's app, no external fonts).
FONT = "font-family:Arial,Helvetica,sans-serif;"
TEXT_COLOUR = "#1b1f24"
BRAND_COLOUR = "#8a1538"
RICH_TEXT_STYLES = {
    "p": f"margin:0 0 16px;{FONT}font-size:16px;line-height:1.5;color:{TEXT_COLOUR};",
    "h2": f"margin:24px 0 12px;{FONT}font-size:22px;line-height:1.3;color:{BRAND_COLOUR};",
    "h3": f"margin:20px 0 8px;{FONT}font-size:18px;line-height:1.3;color:{TEXT_COLOUR};",
    "ul": f"margin:0 0 16px;padding-left:24px;{FONT}font-size:16px;color:{TEXT_COLOUR};",
    "ol": f"margin:0 0 16px;padding-left:24px;{FONT}font-size:16px;color:{TEXT_COLOUR};",
    "li": "margin:0 0 6px;",
    "a": f"color:{BRAND_COLOUR};text-decoration:underline;",
}
SAMPLE_TOKEN = "exemple"
BLOCK_TAG_START = re.compile(r">\s*<(?=/?(?:p|h[1-3]|ul|ol|li|table|tr|td|div)\b)")


class IssueRenderError(Exception):
    """The issue cannot be turned into an email; the message says why, in French."""


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    html: str
    text: str
    web_url: str
    placeholder: str

    def personalised(self, links):
        """(html, text) for one recipient; `links` maps each per-recipient link name to its URL."""
        html, text = self.html, self.text
        for name, url in links.items():
            marker = f"{self.placeholder}-{name}"
            html, text = html.replace(marker, url), text.replace(marker, url)
        return html, text

    def sample_links(self):
        """What a preview shows in place of a subscriber's own links."""
        return {
            "unsubscribe": absolute(reverse("newsletter:unsubscribe", args=[SAMPLE_TOKEN])),
            "preferences": absolute(reverse("newsletter:preferences", args=[SAMPLE_TOKEN])),
        }

    def sample_html(self):
        return self.personalised(self.sample_links())[0]

    def sample_text(self):
        return self.personalised(self.sample_links())[1]


def email_rich_text(html):
    """Rich text with inline styles and absolute links, as email clients need."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(list(RICH_TEXT_STYLES)):
        tag["style"] = RICH_TEXT_STYLES[tag.name]
    for link in soup.find_all("a", href=True):
        link["href"] = absolute(link["href"])
    return str(soup)


def plain_rich_text(html):
    """Rich text as a reader of plain text wants it: paragraphs, « - » for list items, and each
    link's address after its words."""
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        words = link.get_text()
        address = absolute(link["href"])
        link.replace_with(words if words == address else f"{words} ({address})")
    for item in soup.find_all("li"):
        item.insert(0, "- ")
    blocks = soup.find_all(["p", "h2", "h3", "li"])
    paragraphs = [block.get_text().strip() for block in blocks] or [soup.get_text().strip()]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def short_lines(html):
    """A line break before each block tag: SMTP allows 998 characters a line, and a longer one
    makes the whole part quoted-printable (bigger, and slower to build 100,000 times)."""
    return BLOCK_TAG_START.sub(r">\n<", html)


def item_card(page):
    """What the email shows of a chosen page: title, teaser, image, absolute link."""
    page = page.specific
    card = {
        "title": page.title,
        "teaser": getattr(page, "card_teaser", "") or page.search_description,
        "url": page.get_full_url() or absolute(page.url),
        "kind": page._meta.verbose_name,
        "image_url": "",
        "image_alt": "",
    }
    image = getattr(page, "image", None)
    if image is not None:
        card["image_url"] = absolute(image.get_rendition(CARD_IMAGE_FILTER).url)
        card["image_alt"] = getattr(page, "image_alt_text", image.default_alt_text)
    return card


def block_context(block, strict):
    """What the email templates of one block need; items are rendered as cards."""
    if block.block_type in ("latest_items", "hand_picked"):
        items = list(block.value["items"])
        if strict and not all(is_published(item) for item in items):
            raise IssueRenderError(MISSING_ITEM_MESSAGE)
        cards = [item_card(item) for item in items if is_published(item)]
        return {"heading": block.value["heading"], "cards": cards}
    if block.block_type in ("intro", "text"):
        html = block.value.__html__()
        return {"html": email_rich_text(html), "text": plain_rich_text(html)}
    if block.block_type == "call_to_action":
        link = block.value["link"]
        url = link["page"].get_full_url() if link.get("page") else absolute(link["url"])
        return {
            "heading": block.value["heading"],
            "text": block.value["text"],
            "url": url,
            "label": link["label"],
        }
    raise IssueRenderError(f"Le bloc « {block.block.label} » n'a pas de version e-mail.")


def render_issue(page, strict=False):
    """The issue's email; `strict` (sending) refuses what a preview only leaves out: an item
    deleted or unpublished since it was chosen."""
    placeholder = f"aimf-lien-{secrets.token_hex(8)}"
    blocks = []
    for block in page.body:
        try:
            blocks.append({"type": block.block_type, **block_context(block, strict)})
        except IssueRenderError:
            raise
        except Exception as error:
            logger.exception("Lettre n° %s : bloc %s impossible à rendre", page.pk, block.id)
            raise IssueRenderError(
                f"Le bloc « {block.block.label} » n'a pas pu être mis en forme ; corrigez-le "
                "dans l'éditeur, puis réessayez."
            ) from error
    web_url = page.get_full_url() or absolute(page.url or "/")
    context = {
        "page": page,
        "blocks": blocks,
        "web_url": web_url,
        "site_url": site_root_url() + "/",
        "unsubscribe_url": f"{placeholder}-unsubscribe",
        "preferences_url": f"{placeholder}-preferences",
    }
    return RenderedIssue(
        subject=page.title,
        html=short_lines(render_to_string("newsletter/emails/issue.html", context)),
        text=render_to_string("newsletter/emails/issue.txt", context),
        web_url=web_url,
        placeholder=placeholder,
    )
