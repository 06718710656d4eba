"""StreamField blocks shared by every page type: rich bodies and the theme page's promos."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

LINK_ADDRESS = RegexValidator(
    r"^(https?://[^\s]+|/(?!/)[^\s]*)$",
    "Une adresse commençant par https:// ou un chemin du site commençant par /.",
)


def block_error(field_name, message):
    return blocks.StructBlockValidationError(
        block_errors={field_name: ErrorList([ValidationError(message)])}
    )


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site, to one of its addresses (a listing), or outside it."""

    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.CharBlock(
        label="ou adresse",
        required=False,
        max_length=500,
        validators=[LINK_ADDRESS],
        help_text="Une adresse externe (https://…) ou un chemin du site, par exemple "
        "/culture-patrimoine/publications/ pour la liste des publications d'une thématique.",
    )
    label = blocks.CharBlock(label="Texte du lien", required=False, max_length=80)

    @property
    def required(self):
        return self.meta.required

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if not (has_page or has_url or value.get("label")) and not self.required:
            return value
        if has_page == has_url:
            raise block_error("page", "Choisissez une page du site ou une adresse, pas les deux.")
        if not value.get("label"):
            raise block_error("label", "Donnez le texte du lien.")
        return value

    class Meta:
        icon = "link"
        label = "Lien"
        template = "blocks/link.html"
        required = True


class ImageWithCaptionBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for the alt text (suggested from the media library) or the
    # « décorative » box; it reads the image ids ImageChooserBlock stored before it.
    image = ImageBlock(label="Image")
    caption = blocks.CharBlock(
        label="Légende",
        required=False,
        max_length=250,
        help_text="Affichée sous l'image ; le crédit photo y a sa place.",
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_with_caption.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citation")
    attribution = blocks.CharBlock(label="Auteur ou autrice", required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "blocks/quote.html"


class ContactDetailsBlock(blocks.StaticBlock):
    """The association's postal and email addresses as set in « Réglages du site », and a link
    to the contact form: written once, right on every page that shows them."""

    class Meta:
        icon = "mail"
        label = "Coordonnées de l'association"
        admin_text = (
            "Affiche l'adresse postale et l'adresse de contact saisies dans « Réglages du site », "
            "et un lien vers le formulaire de contact."
        )
        template = "blocks/contact_details.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Paragraphe",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label="Vidéo ou contenu intégré", help_text="Adresse YouTube, Vimeo…")
    contact_details = ContactDetailsBlock()


class PublicationSeriesPromoBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", max_length=400)
    image = ImageChooserBlock(label="Couverture", required=False)
    link = LinkBlock()

    class Meta:
        icon = "doc-full"
        label = "Promotion d'une collection de publications"
        template = "blocks/publication_series_promo.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", max_length=400)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        label = "Appel à l'action"
        template = "blocks/call_to_action.html"


class EventPromoBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label="Titre", max_length=120, help_text="Par exemple « PARIS 2023 »."
    )
    event = blocks.CharBlock(label="Événement", max_length=200)
    city = blocks.CharBlock(label="Ville", max_length=100)
    start_date = blocks.DateBlock(label="Date de début")
    end_date = blocks.DateBlock(label="Date de fin")
    tagline = blocks.CharBlock(label="Thème ou devise", required=False, max_length=150)
    text = blocks.TextBlock(label="Texte", max_length=400)
    link = LinkBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        if value["end_date"] < value["start_date"]:
            raise block_error("end_date", "La date de fin précède la date de début.")
        return value

    class Meta:
        icon = "date"
        label = "Promotion d'un événement"
        template = "blocks/event_promo.html"


class RelatedThemesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre", max_length=120)
    text = blocks.TextBlock(label="Texte", required=False, max_length=400)
    themes = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="aimf_portal.ThemePage", label="Thématique"),
        label="Thématiques",
        min_num=1,
    )

    class Meta:
        icon = "list-ul"
        label = "Thématiques liées"
        template = "blocks/related_themes.html"


class PromoBlock(blocks.StreamBlock):
    publication_series = PublicationSeriesPromoBlock()
    call_to_action = CallToActionBlock()
    event = EventPromoBlock()
    related_themes = RelatedThemesBlock()
