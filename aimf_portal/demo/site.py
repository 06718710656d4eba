"""Writes the demo site from `content`, idempotently.

Each page is found by its slug under its parent and updated in place. A new revision is
published only when what the loader sets differs from what the page holds, so a second run
changes nothing, not even the pages' history.
"""

import json
import uuid
from collections import Counter

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.fields import StreamField

from actions.models import ActionDocument, ActionPage, ActionPartner
from aimf_portal.editorial.site_settings import SiteSettings
from aimf_portal.items.models import Country
from aimf_portal.models import HomePage, StandardPage, ThemePage
from news.models import NewsPage
from publications.models import PublicationPage

from . import content
from .content import Figure, Quote
from .media import Leaflet, MediaLibrary

# What serialising a page yields that says nothing about its content: database keys and the
# order numbers modelcluster only assigns when it saves.
BOOKKEEPING_KEYS = {"pk", "id", "sort_order"}
COUNTRY_RELATION = "country_items"

PRIVACY_PAGE_SLUG = "politique-de-confidentialite"
DEMO_FOOTER_TEXT = (
    "L'Association internationale des maires francophones rassemble plus de 300 villes qui "
    "coopèrent au service de leurs habitants. Site de démonstration."
)
# Placeholders until the association gives its real accounts.
DEMO_SOCIAL_LINKS = [
    ("LinkedIn", "https://www.linkedin.com/company/aimf-demo/"),
    ("Facebook", "https://www.facebook.com/aimf-demo/"),
    ("YouTube", "https://www.youtube.com/@aimf-demo"),
]


def without_bookkeeping(value, extra_keys=frozenset()):
    ignored = BOOKKEEPING_KEYS | extra_keys
    if isinstance(value, dict):
        return {key: without_bookkeeping(item) for key, item in value.items() if key not in ignored}
    if isinstance(value, list):
        return [without_bookkeeping(item, extra_keys) for item in value]
    return value


def snapshot(page, names):
    """The given fields and child relations of a page, comparable before and after an edit."""
    data = page.serializable_data()
    result = {}
    for name in names:
        value = data[name]
        if isinstance(page._meta.get_field(name), StreamField):
            # Block ids are new uuids each time a stream is assigned.
            value = without_bookkeeping(json.loads(value))
        elif isinstance(value, list):
            parent_key = page._meta.get_field(name).field.name
            value = without_bookkeeping(value, frozenset({parent_key}))
            if name == COUNTRY_RELATION:
                value = sorted(value, key=lambda row: row["tag"])
        result[name] = value
    return result


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def plain_paragraphs(body):
    return [part for part in body if isinstance(part, str)]


def section_html(section):
    html = f"<h2>{escape(section.heading)}</h2>"
    html += "".join(f"<p>{escape(text)}</p>" for text in section.paragraphs)
    if section.bullets:
        html += "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in section.bullets) + "</ul>"
    return html


def link(label, *, page=None, url=""):
    return {"page": page.pk if page else None, "url": url, "label": label}


def month_year(value):
    return date_format(value, "F Y").capitalize()


class DemoSite:
    """Builds the demo site under the existing home page; `counts` says what each run did."""

    def __init__(self):
        self.media = MediaLibrary()
        self.countries = {country.code: country for country in Country.objects.all()}
        self.counts = Counter()
        self.themes = {}
        self.standard_pages = {}
        self.publications = {}

    def build(self):
        with translation.override("fr"):
            home = HomePage.objects.get()
            self.update(home, {"intro": content.HOME_INTRO})
            for page_content in content.STANDARD_PAGES:
                self.standard_pages[page_content.slug] = self.build_standard_page(
                    home, page_content
                )
            for theme_content in content.THEMES:
                self.themes[theme_content.slug] = self.build_theme(home, theme_content)
            # Promos point at pages (other themes, a news item), so they come once all exist.
            for theme_content in content.THEMES:
                if theme_content.promos:
                    theme = self.themes[theme_content.slug]
                    self.update(theme, {"promos": self.promos(theme, theme_content.promos)})
            self.build_site_settings(home)
        return self.counts

    def build_site_settings(self, home):
        site_settings = SiteSettings.for_site(home.get_site())
        wanted = {
            "footer_text": DEMO_FOOTER_TEXT,
            "social_links": [("link", {"name": n, "url": u}) for n, u in DEMO_SOCIAL_LINKS],
            "privacy_page": self.standard_pages.get(PRIVACY_PAGE_SLUG),
        }
        current_links = [
            (link.value["name"], link.value["url"]) for link in site_settings.social_links
        ]
        unchanged = (
            site_settings.footer_text == DEMO_FOOTER_TEXT
            and current_links == DEMO_SOCIAL_LINKS
            and site_settings.privacy_page_id == getattr(wanted["privacy_page"], "pk", None)
        )
        if unchanged:
            return
        for name, value in wanted.items():
            setattr(site_settings, name, value)
        site_settings.save()
        self.counts["réglages du site mis à jour"] += 1

    # --- Writing pages ---------------------------------------------------------------------

    def upsert(self, parent, model, slug, fields, countries=None, children=None):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            return self.update(page, fields, countries, children)
        page = model(slug=slug, live=False)
        self.assign(page, fields, countries, children)
        parent.add_child(instance=page)
        self.publish(page)
        self.counts["pages créées"] += 1
        return page

    def update(self, page, fields, countries=None, children=None):
        compared = [*fields, *(children or {})]
        if countries is not None:
            compared.append(COUNTRY_RELATION)
        before = snapshot(page, compared)
        self.assign(page, fields, countries, children)
        if page.live and not page.has_unpublished_changes and snapshot(page, compared) == before:
            self.counts["pages inchangées"] += 1
            return page
        self.publish(page)
        self.counts["pages mises à jour"] += 1
        return page

    def assign(self, page, fields, countries, children):
        for name, value in fields.items():
            setattr(page, name, value)
        if countries is not None:
            page.countries.set([self.countries[code] for code in sorted(countries)])
        for relation, objects in (children or {}).items():
            setattr(page, relation, objects)

    @staticmethod
    def publish(page):
        page.save_revision().publish()
        # Publishing saves a copy made from the revision: reload what it wrote (live flags,
        # child count) so later edits of this instance start from the truth.
        page.refresh_from_db()

    # --- The pages -------------------------------------------------------------------------

    def build_standard_page(self, home, page_content):
        return self.upsert(
            home,
            StandardPage,
            page_content.slug,
            {
                "title": page_content.title,
                "intro": page_content.intro,
                "search_description": page_content.intro,
                "body": [
                    {"type": "paragraph", "value": section_html(section)}
                    for section in page_content.sections
                ],
            },
        )

    def build_theme(self, home, theme_content):
        theme = self.upsert(
            home,
            ThemePage,
            theme_content.slug,
            {
                "title": theme_content.title,
                "intro": f"<p>{escape(theme_content.intro)}</p>",
                "search_description": theme_content.intro,
                "image": self.media.image(theme_content.illustration),
            },
        )
        for news_item in theme_content.news:
            self.build_news(theme, news_item)
        for action in theme_content.actions:
            self.build_action(theme, action)
        for publication in theme_content.publications:
            self.build_publication(theme, publication)
        return theme

    def body(self, parts):
        blocks = []
        for part in parts:
            if isinstance(part, Quote):
                value = {"quote": part.text, "attribution": part.attribution}
                blocks.append({"type": "quote", "value": value})
            elif isinstance(part, Figure):
                image = self.media.image(part.illustration)
                blocks.append(
                    {"type": "image", "value": {"image": image.pk, "caption": part.caption}}
                )
            else:
                blocks.append(paragraph(part))
        return blocks

    def build_news(self, theme, news_item):
        self.upsert(
            theme,
            NewsPage,
            news_item.slug,
            {
                "title": news_item.title,
                "date": news_item.date,
                "city": news_item.city,
                "teaser": news_item.teaser,
                "image": self.media.image(news_item.illustration),
                "body": self.body(news_item.body),
            },
            countries=news_item.country_codes,
        )

    def build_action(self, theme, action):
        country_names = ", ".join(self.countries[code].name for code in action.country_codes)
        fact_sheet = self.media.document(
            Leaflet(
                title=f"Fiche projet – {action.title}",
                cover=action.illustration,
                kicker="Fiche projet",
                heading=action.title,
                date_line=f"{action.city}, {country_names}",
                paragraphs=(
                    action.teaser,
                    *plain_paragraphs(action.body),
                    "Fiche générée pour la démonstration du portail de l'AIMF.",
                ),
            )
        )
        self.upsert(
            theme,
            ActionPage,
            action.slug,
            {
                "title": action.title,
                "city": action.city,
                "status": action.status,
                "start_date": action.start_date,
                "end_date": action.end_date,
                "teaser": action.teaser,
                "image": self.media.image(action.illustration),
                "body": self.body(action.body),
            },
            countries=action.country_codes,
            children={
                "partners": [
                    ActionPartner(name=partner.name, url=partner.url) for partner in action.partners
                ],
                "documents": [
                    ActionDocument(document=fact_sheet, title="Fiche de présentation du projet")
                ],
            },
        )

    def build_publication(self, theme, publication):
        provenance = (
            "Publication fictive, générée pour la démonstration du portail."
            if publication.is_demo
            else "Ce fichier, généré pour la démonstration du portail, tient la place du "
            "document original."
        )
        document = self.media.document(
            Leaflet(
                title=f"{publication.series_label} – {publication.title}",
                cover=publication.illustration,
                kicker=publication.series_label,
                heading=publication.title,
                date_line=month_year(publication.date),
                paragraphs=(
                    publication.teaser,
                    "Sommaire",
                    *(f"– {entry}" for entry in publication.contents),
                    provenance,
                ),
            )
        )
        summary = "<ol>" + "".join(f"<li>{escape(e)}</li>" for e in publication.contents) + "</ol>"
        self.publications[publication.slug] = self.upsert(
            theme,
            PublicationPage,
            publication.slug,
            {
                "title": publication.title,
                "kind": publication.kind,
                "issue_number": publication.issue_number,
                "date": publication.date,
                "teaser": publication.teaser,
                "summary": summary,
                "image": self.media.image(publication.illustration),
                "document": document,
                "is_demo": publication.is_demo,
            },
            countries=publication.country_codes,
        )

    # --- Promos ----------------------------------------------------------------------------

    def promos(self, theme, promos):
        return [self.promo_block(theme, promo) for promo in promos]

    def promo_block(self, theme, promo):
        match promo:
            case content.PublicationSeriesPromo():
                cover = self.publications[promo.cover_slug]
                listing_url = theme.listing_url(PublicationPage)
                value = {
                    "heading": promo.heading,
                    "text": promo.text,
                    "image": cover.image_id,
                    "link": link(promo.link_label, url=listing_url),
                }
                return {"type": "publication_series", "value": value}
            case content.CallToActionPromo():
                target = self.standard_pages[promo.standard_page_slug]
                value = {
                    "heading": promo.heading,
                    "text": promo.text,
                    "link": link(promo.link_label, page=target),
                }
                return {"type": "call_to_action", "value": value}
            case content.EventPromo():
                news_theme = self.themes[promo.news_theme_slug]
                report = NewsPage.objects.child_of(news_theme).get(slug=promo.news_slug)
                value = {
                    "heading": promo.heading,
                    "event": promo.event,
                    "city": promo.city,
                    "start_date": promo.start_date.isoformat(),
                    "end_date": promo.end_date.isoformat(),
                    "tagline": promo.tagline,
                    "text": promo.text,
                    "link": link(promo.link_label, page=report),
                }
                return {"type": "event", "value": value}
            case content.RelatedThemesPromo():
                themes = [self.themes[slugify(title)] for title in promo.theme_titles]
                value = {
                    "heading": promo.heading,
                    "text": promo.text,
                    # ListBlock items are recognised by their id; the snapshot ignores it.
                    "themes": [
                        {"type": "item", "value": related.pk, "id": str(uuid.uuid4())}
                        for related in themes
                    ],
                }
                return {"type": "related_themes", "value": value}
        raise TypeError(f"Unknown promo: {promo!r}")
