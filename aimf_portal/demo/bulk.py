"""Synthetic items for benchmarks: `load_demo_content --scale N`.

Creating tens of thousands of pages through `add_child()` and revisions would take hours, so
this module writes the rows Wagtail would have written, batch by batch: the `wagtailcore_page`
rows with their treebeard paths, each kind's own table, the country links, the partners, then
the parents' child counts. The pages are live, render at their address and appear in the
listings; they have no revision (the admin then edits the page row itself) and are left out of
the reference index, so the shared images do not list them as usages.

`--scale N` makes sure items 1 to N of each kind exist, a top-up: a second run with the same N
adds nothing, a run with a larger N adds the difference. Their slugs start with
`demo-scale-`, and every item is drawn from its number, so a rerun rebuilds the same item.
"""

import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils.html import escape
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from actions.models import ActionPage, ActionPartner
from aimf_portal.discovery import documents
from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.items.models import Country
from aimf_portal.items.tree import child_path, first_free_step
from aimf_portal.models import ThemePage
from news.models import NewsPage
from places.models import City
from publications.models import PublicationPage

from .content import AIMF_PARTNER, Illustration
from .media import Leaflet, MediaLibrary

SLUG_PREFIX = "demo-scale-"
BATCH_SIZE = 1000
# Synthetic items predate the written demo content, so the latter stays first in listings.
FIRST_DAY = date(2010, 1, 1)
DAYS_SPAN = (date(2021, 12, 31) - FIRST_DAY).days

# Cities of the scale: the reference list, then synthetic ones up to this share of the target
# (2,000 for 10,000 items per kind), each near a reference city of its country.
CITY_SHARE = 5
# How far (in degrees) a synthetic city lies from its country's reference city, at most.
CITY_SPREAD = 2.0

SUBJECTS = (
    "la collecte des déchets",
    "l'accès à l'eau potable",
    "l'état civil",
    "la rénovation du marché central",
    "l'éclairage public solaire",
    "la restauration du patrimoine bâti",
    "les centres de santé de quartier",
    "la formation des agents municipaux",
    "le budget participatif",
    "l'aménagement des berges",
    "les transports publics",
    "l'accueil des jeunes",
)

NEWS_HEADLINES = (
    "{city} : une rencontre consacrée à {subject}",
    "{city} fait le point sur {subject}",
    "À {city}, les habitants consultés sur {subject}",
    "{city} partage son expérience sur {subject}",
)

ACTION_HEADLINES = (
    "{city} : un projet pour {subject}",
    "{city} améliore {subject}",
    "Appui à {city} pour {subject}",
)

PUBLICATION_HEADLINES = (
    "Villes et {subject} : l'expérience de {city}",
    "{subject_capitalised} : enseignements de {city}",
    "Regards de maires sur {subject}",
)

KIND_MODELS = {"actualite": NewsPage, "action": ActionPage, "publication": PublicationPage}

TEASER_ENDINGS = {
    "actualite": "Une actualité du réseau de l'AIMF.",
    "action": "Un projet accompagné par l'AIMF.",
    "publication": "Une publication du réseau de l'AIMF.",
}

SHARED_ILLUSTRATIONS = tuple(
    Illustration(
        title=f"Illustration de démonstration – {caption}",
        alt_text=f"Illustration : {caption.lower()}, composition graphique de démonstration",
        caption=caption,
    )
    for caption in (
        "Villes francophones",
        "Coopération entre villes",
        "Patrimoine",
        "Services urbains",
        "Jeunesse",
        "Villes et climat",
    )
)


@dataclass
class Item:
    """One synthetic page: its Wagtail row, its own table's fields, its links."""

    theme: ThemePage
    slug: str
    title: str
    published: datetime
    fields: dict
    country_ids: list
    city_ids: list
    partner_names: list = field(default_factory=list)


def scale_prefix(kind):
    return f"{SLUG_PREFIX}{kind}-"


def scale_slug(kind, number):
    return f"{scale_prefix(kind)}{number:05d}"


def synthetic_cities(count):
    """Cities 1 to `count` of the scale (unsaved), spread over the countries that have a
    reference city, each within CITY_SPREAD degrees of the first of them."""
    reference = {}
    for city in City.objects.exclude(slug__startswith=SLUG_PREFIX).order_by("search_key"):
        reference.setdefault(city.country_id, city)
    countries = [c for c in Country.objects.order_by("code") if c.pk in reference]
    cities = []
    for number in range(1, count + 1):
        rng = random.Random(f"ville-{number}")
        country = countries[number % len(countries)]
        near = reference[country.pk]
        name = f"Ville de démonstration {number:05d}"
        cities.append(
            City(
                name=name,
                slug=f"{SLUG_PREFIX}ville-{number:05d}",
                search_key=accent_insensitive_key(name),
                country=country,
                latitude=round(float(near.latitude) + rng.uniform(-1, 1) * CITY_SPREAD, 4),
                longitude=round(float(near.longitude) + rng.uniform(-1, 1) * CITY_SPREAD, 4),
            )
        )
    return cities


class ScaleLoader:
    """Tops up the synthetic items of each kind to `target`, spread over themes and countries."""

    def __init__(self, target, log):
        self.target = target
        self.log = log
        self.themes = list(ThemePage.objects.order_by("path"))
        self.countries = list(Country.objects.order_by("code"))
        self.next_step = {theme.pk: first_free_step(theme) for theme in self.themes}
        media = MediaLibrary()
        self.image_ids = [media.image(illustration).pk for illustration in SHARED_ILLUSTRATIONS]
        self.document_ids = [
            media.document(
                Leaflet(
                    title=f"Publication de démonstration n° {number}",
                    cover=SHARED_ILLUSTRATIONS[number],
                    kicker="Publication de démonstration",
                    heading=f"Publication de démonstration n° {number}",
                    date_line="Document partagé par les publications générées en nombre",
                    paragraphs=("Ce document sert aux mesures de performance du portail.",),
                )
            ).pk
            for number in (1, 2, 3)
        ]
        self.created = {}
        self.describers = {
            "actualite": self.news,
            "action": self.action,
            "publication": self.publication,
        }

    def run(self):
        self.cities = self.top_up_cities()
        for kind in KIND_MODELS:
            self.created[kind] = self.top_up(kind)
        indexing_seconds = self.update_search_index()
        return self.created, indexing_seconds

    # --- Cities ----------------------------------------------------------------------------

    def top_up_cities(self):
        """{country pk: its cities}, after adding the synthetic cities still missing."""
        existing = set(
            City.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
        )
        missing = [
            city
            for city in synthetic_cities(self.target // CITY_SHARE)
            if city.slug not in existing
        ]
        City.objects.bulk_create(missing, batch_size=BATCH_SIZE)
        self.log(f"villes membres : {len(missing)} villes synthétiques ajoutées")
        cities = {}
        for city in City.objects.order_by("slug"):
            cities.setdefault(city.country_id, []).append(city)
        return cities

    # --- One kind --------------------------------------------------------------------------

    def top_up(self, kind):
        model = KIND_MODELS[kind]
        existing = set(
            Page.objects.filter(slug__startswith=scale_prefix(kind)).values_list("slug", flat=True)
        )
        missing = [
            number
            for number in range(1, self.target + 1)
            if scale_slug(kind, number) not in existing
        ]
        label = model._meta.verbose_name_plural
        if not missing:
            self.log(f"{label} : les {self.target} éléments synthétiques existent déjà.")
            return []
        started = time.monotonic()
        created = []
        for start in range(0, len(missing), BATCH_SIZE):
            batch = [self.item(kind, number) for number in missing[start : start + BATCH_SIZE]]
            created += self.insert(model, batch)
            elapsed = time.monotonic() - started
            self.log(f"{label} : {len(created)} sur {len(missing)} ({elapsed:.1f} s)")
        return created

    def item(self, kind, number):
        rng = random.Random(f"{kind}-{number}")
        theme = self.themes[number % len(self.themes)]
        # The n-th item starts with the n-th country, so every country is used.
        first_country = self.countries[number % len(self.countries)]
        others = [country for country in self.countries if country != first_country]
        countries = [first_country, *rng.sample(others, rng.randint(0, 2))]
        city = rng.choice(self.cities.get(first_country.pk) or [None])
        city_name = city.name if city else first_country.name
        subject = rng.choice(SUBJECTS)
        day = FIRST_DAY + timedelta(days=rng.randint(0, DAYS_SPAN))
        country_names = ", ".join(country.name for country in countries)
        title, fields, partner_names = self.describers[kind](rng, number, city_name, subject, day)
        fields.update(
            teaser=f"{title} ({country_names}). {TEASER_ENDINGS[kind]}",
            image_id=self.image_ids[number % len(self.image_ids)],
        )
        return Item(
            theme=theme,
            slug=scale_slug(kind, number),
            title=title,
            published=datetime.combine(day, datetime.min.time(), tzinfo=UTC),
            fields=fields,
            country_ids=[country.pk for country in countries],
            city_ids=[city.pk] if city and kind != "publication" else [],
            partner_names=partner_names,
        )

    @staticmethod
    def body(city, subject):
        return [
            {
                "type": "paragraph",
                "value": f"<p>La ville de {escape(city)} a fait de {escape(subject)} une "
                "priorité de son mandat. Élus et services municipaux ont associé les habitants "
                "à la définition des besoins.</p>",
            },
            {
                "type": "paragraph",
                "value": "<p>L'AIMF accompagne la démarche et en partage les enseignements avec "
                "les autres villes de son réseau.</p>",
            },
        ]

    def news(self, rng, number, city, subject, day):
        title = rng.choice(NEWS_HEADLINES).format(city=city, subject=subject)
        fields = {"date": day, "body": self.body(city, subject)}
        return title, fields, []

    def action(self, rng, number, city, subject, day):
        title = rng.choice(ACTION_HEADLINES).format(city=city, subject=subject)
        status = list(ActionPage.Status)[number % len(ActionPage.Status)]
        end = day + timedelta(days=rng.randint(180, 1500))
        fields = {
            "status": status,
            "start_date": day,
            "end_date": None if status == ActionPage.Status.PLANNED else end,
            "body": self.body(city, subject),
        }
        return title, fields, [AIMF_PARTNER.name, f"Ville de {city}"]

    def publication(self, rng, number, city, subject, day):
        title = rng.choice(PUBLICATION_HEADLINES).format(
            city=city, subject=subject, subject_capitalised=subject[0].upper() + subject[1:]
        )
        kind = list(PublicationPage.Kind)[number % len(PublicationPage.Kind)]
        is_raisonnance = kind == PublicationPage.Kind.RAISONNANCE
        fields = {
            "kind": kind,
            "issue_number": 1 + number % 999 if is_raisonnance else None,
            "date": day,
            "summary": f"<p>{escape(title)}.</p>",
            "document_id": self.document_ids[number % len(self.document_ids)],
            "is_demo": True,
        }
        return title, fields, []

    # --- Writing rows ----------------------------------------------------------------------

    def page_row(self, content_type, item):
        theme = item.theme
        step = self.next_step[theme.pk]
        self.next_step[theme.pk] += 1
        return Page(
            content_type=content_type,
            title=item.title,
            draft_title=item.title,
            slug=item.slug,
            path=child_path(theme, step),
            depth=theme.depth + 1,
            numchild=0,
            url_path=f"{theme.url_path}{item.slug}/",
            locale_id=theme.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=item.published,
            last_published_at=item.published,
        )

    @transaction.atomic
    def insert(self, model, batch):
        """One batch, all or nothing, leaving the tree consistent (child counts included)."""
        content_type = ContentType.objects.get_for_model(model)
        rows = Page.objects.bulk_create([self.page_row(content_type, item) for item in batch])
        for row, item in zip(rows, batch, strict=True):
            # Only the kind's own table: the wagtailcore_page row is already there.
            model(page_ptr_id=row.pk, **item.fields).save_base(raw=True, force_insert=True)
        through = model._meta.get_field("countries").through
        through.objects.bulk_create(
            through(content_object_id=row.pk, tag_id=country_id)
            for row, item in zip(rows, batch, strict=True)
            for country_id in item.country_ids
        )
        if any(item.city_ids for item in batch):
            through = model._meta.get_field("cities").through
            through.objects.bulk_create(
                through(content_object_id=row.pk, tag_id=city_id)
                for row, item in zip(rows, batch, strict=True)
                for city_id in item.city_ids
            )
        ActionPartner.objects.bulk_create(
            ActionPartner(page_id=row.pk, name=name, sort_order=position)
            for row, item in zip(rows, batch, strict=True)
            for position, name in enumerate(item.partner_names)
        )
        added_per_theme = {}
        for item in batch:
            added_per_theme[item.theme.pk] = added_per_theme.get(item.theme.pk, 0) + 1
        for theme_pk, added in added_per_theme.items():
            Page.objects.filter(pk=theme_pk).update(numchild=F("numchild") + added)
        return [row.pk for row in rows]

    def update_search_index(self):
        """Index the new items only: rebuilding the whole index would redo every page."""
        started = time.monotonic()
        backends = list(get_search_backends())
        for kind, page_ids in self.created.items():
            model = KIND_MODELS[kind]
            related = [
                field
                for field in ("countries", "cities", "partners")
                if any(f.name == field for f in model._meta.get_fields())
            ]
            for start in range(0, len(page_ids), BATCH_SIZE):
                chunk = model.objects.filter(pk__in=page_ids[start : start + BATCH_SIZE])
                items = list(chunk.prefetch_related(*related))
                for backend in backends:
                    backend.add_bulk(model, items)
        if documents.enabled():
            documents.copy_from_index([pk for page_ids in self.created.values() for pk in page_ids])
        return time.monotonic() - started
