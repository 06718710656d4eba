"""Factories of what every item shares (countries, images, documents) and the base of every
item factory: pages created live and published under the parent given (a theme for items).

    NewsPageFactory(parent=theme, countries=["BJ", "SN"])
"""

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageViewRestriction, Site

from aimf_portal.items.models import Country
from aimf_portal.items.tree import child_path, first_free_step


def site_root():
    """The default site's root page (the home page); pages hang from it unless told otherwise."""
    return Site.objects.get(is_default_site=True).root_page.specific


def member_countries(*codes):
    """Countries of the migrated vocabulary, in the order given: member_countries("BJ", "SN")."""
    found = Country.objects.in_bulk([code.upper() for code in codes], field_name="code")
    missing = [code for code in codes if code.upper() not in found]
    if missing:
        raise LookupError(f"Pas de pays {', '.join(missing)} dans le vocabulaire migré.")
    return [found[code.upper()] for code in codes]


def pdf_bytes(size=2048):
    """A valid one-page PDF of exactly `size` bytes (padded with a PDF comment)."""
    head = (
        b"%PDF-1.4\n"
        b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    )
    tail = b"trailer<</Root 1 0 R>>\n%%EOF\n"
    padding = size - len(head) - len(tail) - 2
    if padding < 0:
        raise ValueError(f"Un PDF fait au moins {len(head) + len(tail) + 2} octets.")
    return head + b"%" + b"x" * padding + b"\n" + tail


def root_collection():
    return Collection.get_first_root_node()


class CountryFactory(factory.django.DjangoModelFactory):
    """A country outside the migrated list; codes X? are reserved for user assignment by ISO."""

    code = factory.Sequence(lambda n: f"X{chr(ord('A') + n % 26)}")
    name = factory.Sequence(lambda n: f"Pays d'essai {n}")

    class Meta:
        model = Country
        django_get_or_create = ("code",)


class ImageFactory(wagtail_factories.ImageFactory):
    """A real, small JPEG in the root collection, so renditions are really generated."""

    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.Sequence(lambda n: f"Texte alternatif de l'image {n}")
    file = factory.django.ImageField(width=64, height=40, color="teal", filename="image.jpg")


def image_copies(count):
    """`count` distinct images sharing one real file: cheap to create, each with its renditions.

    Distinct images matter to query counts: one image shared by every card would hide a missing
    rendition prefetch, since its renditions would be fetched once for all cards.
    """
    original = ImageFactory()
    fields = ("file", "width", "height", "file_size", "file_hash", "collection_id")
    return get_image_model().objects.bulk_create(
        get_image_model()(
            title=f"{original.title} – copie {number}",
            description=f"{original.description} – copie {number}",
            **{name: getattr(original, name) for name in fields},
        )
        for number in range(1, count + 1)
    )


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small real PDF; its size is known (2048 bytes unless `file__data` says otherwise)."""

    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="document.pdf", data=pdf_bytes(2048))


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A live page with a publication date, under the home page unless `parent` is given.

    `draft=True` gives a page never published; `private=True` restricts it to logged-in users.
    """

    parent = factory.LazyFunction(site_root)
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    live = True
    has_unpublished_changes = False
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(
            live=False,
            has_unpublished_changes=True,
            first_published_at=None,
            last_published_at=None,
        )

    @factory.post_generation
    def private(page, create, extracted, **kwargs):
        if create and extracted:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )


def paragraph_body(text="Le corps de la page."):
    """A StreamField body of one paragraph, in the raw form Wagtail stores."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class ItemPageFactory(PublishedPageFactory):
    """What item factories share: a teaser, an image and countries, under the `parent` given.

    `countries` takes ISO codes or Country objects: NewsPageFactory(countries=["BJ", "SN"]).
    """

    teaser = factory.Sequence(lambda n: f"Le chapeau de l'élément {n}, en une phrase.")
    image = factory.SubFactory(ImageFactory)

    class Meta:
        abstract = True

    @factory.post_generation
    def countries(page, create, extracted, **kwargs):
        if not extracted:
            return
        by_code = {
            country.code: country
            for country in member_countries(*[e for e in extracted if not isinstance(e, Country)])
        }
        chosen = [e if isinstance(e, Country) else by_code[e.upper()] for e in extracted]
        if create:
            through = page.countries.through
            through.objects.bulk_create([through(content_object=page, tag=c) for c in chosen])
        else:
            page.countries.add(*chosen)

    @classmethod
    @transaction.atomic
    def create_in_bulk(cls, parent, count=None, *, variations=None, countries=(), **kwargs):
        """Live items under `parent`, each with its own image, all with the same countries.

        Either `count` items alike but for the factory's sequences, or one item per dict of
        `variations` (its fields override `kwargs`). Fixtures of a hundred items would take ~30
        queries each through `add_child`: this writes the page rows in one query, then one
        insert per item into the kind's own table, like the demo loader's `--scale`. Skipped,
        as there: revisions, log entries, the reference and search indexes.
        """
        variations = variations if variations is not None else [{}] * count
        count = len(variations)
        images = None
        if "image" not in kwargs:
            images = image_copies(count)
            kwargs["image"] = None
        pages = [cls.build(parent=parent, **{**kwargs, **variation}) for variation in variations]
        first_step = first_free_step(parent)
        content_type = ContentType.objects.get_for_model(cls._meta.model)
        for number, page in enumerate(pages):
            page.path = child_path(parent, first_step + number)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.content_type = content_type
            page.draft_title = page.title
            if images:
                page.image = images[number]
        base_fields = [field.attname for field in Page._meta.concrete_fields]
        rows = Page.objects.bulk_create(
            Page(**{name: getattr(page, name) for name in base_fields if name != "id"})
            for page in pages
        )
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
            # Only the kind's own table: the wagtailcore_page row is already written.
            page.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
        chosen = member_countries(*[c for c in countries if not isinstance(c, Country)])
        chosen_by_code = {country.code: country for country in chosen}
        tags = [c if isinstance(c, Country) else chosen_by_code[c.upper()] for c in countries]
        through = cls._meta.model._meta.get_field("countries").through
        through.objects.bulk_create(
            through(content_object_id=page.pk, tag=tag) for page in pages for tag in tags
        )
        return pages
