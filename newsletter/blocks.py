"""The blocks a newsletter issue is written with. Each renders twice: on the issue's web page
(its `Meta.template`) and in the email, through `templates/newsletter/emails/blocks/<type>.html`
and `.txt` (email clients need tables and inline styles, readers of plain text need words).
"""

import datetime
import functools
import operator

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from wagtail import blocks

from aimf_portal.caching.site_data import public
from aimf_portal.editorial.blocks import CallToActionBlock, block_error
from aimf_portal.items.models import item_models

LATEST_ITEMS_MAX = 12
NO_ITEMS_FOUND_MESSAGE = (
    "Aucun élément publié ne correspond à ces critères : élargissez les thématiques, les types "
    "ou la date, ou choisissez les éléments à la main."
)
MISSING_ITEM_MESSAGE = (
    "Un élément choisi a été supprimé ou dépublié depuis : retirez-le de la liste ou cochez "
    "« Remplir à nouveau »."
)


def item_kind_choices():
    return [(model._meta.label_lower, model._meta.verbose_name_plural) for model in item_models()]


def is_published(page):
    """Whether a chosen page can still be shown to readers (a page deleted since reads None)."""
    return page is not None and page.live and public(type(page).objects.filter(pk=page.pk)).exists()


class LatestItemsBlock(blocks.StructBlock):
    """The latest news, actions or publications: chosen by criteria, filled in when the issue is
    saved with an empty list (or « Remplir à nouveau » ticked), then edited by hand."""

    heading = blocks.CharBlock(label="Titre", max_length=120, default="Dernières nouvelles")
    themes = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="aimf_portal.ThemePage"),
        label="Thématiques",
        help_text="Vide : toutes les thématiques.",
        default=[],
    )
    kinds = blocks.MultipleChoiceBlock(
        label="Types d'éléments",
        choices=item_kind_choices,
        required=False,
        help_text="Aucun coché : tous les types.",
    )
    since = blocks.DateBlock(
        label="Publiés depuis le", required=False, help_text="Vide : depuis 30 jours."
    )
    limit = blocks.IntegerBlock(label="Nombre au plus", min_value=1, max_value=12, default=6)
    refill = blocks.BooleanBlock(
        label="Remplir à nouveau",
        required=False,
        help_text="Cochée, la liste ci-dessous est recalculée à l'enregistrement.",
    )
    items = blocks.ListBlock(
        blocks.PageChooserBlock(),
        label="Éléments",
        help_text="Remplie à l'enregistrement d'après les critères ci-dessus, puis modifiable : "
        "retirez, ajoutez ou réordonnez.",
        default=[],
    )

    class Meta:
        icon = "list-ul"
        label = "Derniers éléments"
        template = "newsletter/blocks/latest_items.html"

    def clean(self, value):
        value = super().clean(value)
        if value["refill"] or not value["items"]:
            found = self.matching_items(value)
            if not found:
                raise block_error("items", NO_ITEMS_FOUND_MESSAGE)
            value["items"] = self.child_blocks["items"].normalize(found)
            value["refill"] = False
        if not all(is_published(item) for item in value["items"]):
            raise block_error("items", MISSING_ITEM_MESSAGE)
        return value

    @staticmethod
    def matching_items(value):
        """The newest live, public items matching the criteria, newest first."""
        since = value["since"] or timezone.localdate() - datetime.timedelta(days=30)
        starts = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
        kinds = set(value["kinds"] or [])
        themes = [theme for theme in value["themes"] if theme is not None]
        found = []
        for model in item_models():
            if kinds and model._meta.label_lower not in kinds:
                continue
            scope = model.listing_scope()
            if themes:
                scope = scope.filter(
                    functools.reduce(
                        operator.or_, (Q(path__startswith=theme.path) for theme in themes)
                    )
                )
            found += scope.filter(first_published_at__gte=starts).order_by("-first_published_at")[
                : value["limit"]
            ]
        found.sort(key=lambda page: page.first_published_at, reverse=True)
        return found[: value["limit"]]


class HandPickedItemsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", max_length=120)
    items = blocks.ListBlock(blocks.PageChooserBlock(), label="Pages", min_num=1)

    class Meta:
        icon = "pick"
        label = "Sélection"
        template = "newsletter/blocks/latest_items.html"

    def clean(self, value):
        value = super().clean(value)
        if not all(is_published(item) for item in value["items"]):
            raise ValidationError(MISSING_ITEM_MESSAGE)
        return value


class IssueBodyBlock(blocks.StreamBlock):
    intro = blocks.RichTextBlock(
        label="Introduction",
        features=["bold", "italic", "link"],
        template="newsletter/blocks/text.html",
    )
    latest_items = LatestItemsBlock()
    hand_picked = HandPickedItemsBlock()
    call_to_action = CallToActionBlock()
    text = blocks.RichTextBlock(
        label="Texte",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        template="newsletter/blocks/text.html",
    )
