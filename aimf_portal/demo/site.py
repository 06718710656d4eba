"""Writes the demo site from `content`, once.

Each page is found by its slug under its parent. A page that exists is left as it is, whoever
wrote it last: an editor's title, an unpublished item, a deleted promo stay so on every later
run (`make run` loads the demo at each start). Only what is missing is created and published;
the site settings and the home page's presentation are written only while nobody has saved
them. A second run changes nothing, not even the pages' history.
"""

import uuid
from collections import Counter

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify

from actions.models import ActionDocument, ActionPage, ActionPartner
from aimf_portal.editorial.site_settings import SiteSettings
from aimf_portal.items.models import Country
from aimf_portal.models import HomePage, StandardPage, ThemePage
from news.models import NewsPage
from places.models import City
from publications.models import PublicationPage

from . import content
from .content import Figure, Quote
from .media import Leaflet, MediaLibrary

PRIVACY_PAGE_SLUG = "politique-de-confidentialite"
DEMO_FOOTER_TEXT = (
    "L'Association internationale des maires francophones rassemble plus de 300 villes qui "
    "coopèrent au service de leurs habitants. Site de démonstration."
)
# Placeholders until the association gives its own: a reserved domain, no real mailbox.
DEMO_CONTACT_EMAIL = "contact@aimf.example"
DEMO_POSTAL_ADDRESS = "Secrétariat permanent de l'AIMF\n9, rue des Halles\n75001 Paris\nFrance"
DEMO_MEMBER_CITIES = 300
CONTACT_DETAILS_BLOCK = {"type": "contact_details", "value": None}
# Placeholders until the association gives its real accounts.
DEMO_SOCIAL_LINKS = [
    ("LinkedIn", "https://www.linkedin.com/company/aimf-demo/"),
    ("Facebook", "https://www.facebook.com/aimf-demo/"),
    ("YouTube", "https://www.youtube.com/@aimf-demo"),
]


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
        # The pages this run created: the only ones it may write to again (their promos).
        self.created = set()

    def build(self):
        with translation.override("fr"):
            home = self.home = HomePage.objects.get()
            if not home.revisions.exists():  # as migration 0003 left it: never edited
                home.intro = content.HOME_INTRO
                self.publish(home)
                self.counts["pages mises à jour"] += 1
            for page_content in content.STANDARD_PAGES:
                self.standard_pages[page_content.slug] = self.build_standard_page(
                    home, page_content
                )
            for theme_content in content.THEMES:
                self.themes[theme_content.slug] = self.build_theme(home, theme_content)
            # Promos point at pages (other themes, a news item), so they come once all exist.
            for theme_content in content.THEMES:
                theme = self.themes[theme_content.slug]
                if theme_content.promos and theme.pk in self.created:
                    theme.promos = self.promos(theme, theme_content.promos)
                    self.publish(theme)
            self.build_site_settings(home)
        return self.counts

    def build_site_settings(self, home):
        """The demo's footer, social links and privacy page, unless someone saved settings."""
        site = home.get_site()
        if SiteSettings.objects.filter(site=site).exists():
            return
        SiteSettings.objects.create(
            site=site,
            footer_text=DEMO_FOOTER_TEXT,
            social_links=[("link", {"name": n, "url": u}) for n, u in DEMO_SOCIAL_LINKS],
            privacy_page=self.standard_pages.get(PRIVACY_PAGE_SLUG),
            contact_email=DEMO_CONTACT_EMAIL,
            postal_address=DEMO_POSTAL_ADDRESS,
            contact_recipient=DEMO_CONTACT_EMAIL,
            founding_year=1979,
            member_cities=DEMO_MEMBER_CITIES,
            member_countries=len(self.countries),
        )
        self.counts["réglages du site écrits"] += 1

    # --- Writing pages ---------------------------------------------------------------------

    def upsert(self, parent, model, slug, fields):
        """The page at `slug` under `parent`, as it is if it exists; else created from
        fields() (its values, then {"countries": codes} or other extras) and published."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            self.counts["pages existantes laissées telles quelles"] += 1
            return page
        values, extras = fields()
        page = model(slug=slug, live=False)
        for name, value in {**values, **extras}.items():
            if name == "countries":
                page.countries.set([self.countries[code] for code in sorted(value)])
            elif name == "cities":
                page.cities.set(City.objects.filter(name__in=value))
            else:
                setattr(page, name, value)
        parent.add_child(instance=page)
        self.publish(page)
        self.created.add(page.pk)
        self.counts["pages créées"] += 1
        return page

    @staticmethod
    def publish(page):
        page.save_revision().publish()
        # Publishing saves a copy made from the revision: reload what it wrote (live flags,
        # child count) so later edits of this instance start from the truth.
        page.refresh_from_db()

    # --- The pages -------------------------------------------------------------------------

    def build_standard_page(self, home, page_content):
        def fields():
            return {
                "title": page_content.title,
                "intro": page_content.intro,
                "search_description": page_content.intro,
                "body": [
                    block
                    for section in page_content.sections
                    for block in (
                        {"type": "paragraph", "value": section_html(section)},
                        *([CONTACT_DETAILS_BLOCK] if section.contact_details else []),
                    )
                ],
            }, {}

        return self.upsert(home, StandardPage, page_content.slug, fields)

    def build_theme(self, home, theme_content):
        def fields():
            return {
                "title": theme_content.title,
                "intro": f"<p>{escape(theme_content.intro)}</p>",
                "search_description": theme_content.intro,
                "image": self.media.image(theme_content.illustration),
            }, {}

        theme = self.upsert(home, ThemePage, theme_content.slug, fields)
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
        def fields():
            return {
                "title": news_item.title,
                "date": news_item.date,
                "teaser": news_item.teaser,
                "image": self.media.image(news_item.illustration),
                "body": self.body(news_item.body),
            }, {"countries": news_item.country_codes, "cities": [news_item.city]}

        self.upsert(theme, NewsPage, news_item.slug, fields)

    def build_action(self, theme, action):
        def fields():
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
            partners = [ActionPartner(name=p.name, url=p.url) for p in action.partners]
            documents = [
                ActionDocument(document=fact_sheet, title="Fiche de présentation du projet")
            ]
            return {
                "title": action.title,
                "status": action.status,
                "start_date": action.start_date,
                "end_date": action.end_date,
                "teaser": action.teaser,
                "image": self.media.image(action.illustration),
                "body": self.body(action.body),
                "partners": partners,
                "documents": documents,
            }, {"countries": action.country_codes, "cities": [action.city]}

        self.upsert(theme, ActionPage, action.slug, fields)

    def build_publication(self, theme, publication):
        def fields():
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
            contents = "".join(f"<li>{escape(e)}</li>" for e in publication.contents)
            return {
                "title": publication.title,
                "kind": publication.kind,
                "issue_number": publication.issue_number,
                "date": publication.date,
                "teaser": publication.teaser,
                "summary": f"<ol>{contents}</ol>",
                "image": self.media.image(publication.illustration, portrait=True),
                "document": document,
                "is_demo": publication.is_demo,
            }, {"countries": publication.country_codes}

        self.publications[publication.slug] = self.upsert(
            theme, PublicationPage, publication.slug, fields
        )

    # --- Promos ----------------------------------------------------------------------------

    def promos(self, theme, promos):
        return [self.promo_block(theme, promo) for promo in promos]

    def promo_block(self, theme, promo):
        match promo:
            case content.PublicationSeriesPromo():
                cover = self.publications[promo.cover_slug]
                # The series across every theme: the site-wide listing, filtered on it.
                listing_url = f"{self.home.listing_url(PublicationPage)}?type={promo.kind}"
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
                    # ListBlock items are recognised by their id.
                    "themes": [
                        {"type": "item", "value": related.pk, "id": str(uuid.uuid4())}
                        for related in themes
                    ],
                }
                return {"type": "related_themes", "value": value}
        raise TypeError(f"Unknown promo: {promo!r}")
