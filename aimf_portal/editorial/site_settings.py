"""What the whole site shows and an Éditeur may change: footer text, social links, privacy page,
the association's addresses (footer, contact page, « Coordonnées » block) and key figures (home
page), and where the contact form's messages go.

Every page's footer reads these, so they are cached: one query when the cache is cold, none
after. Saving them makes every cached page stale (settings.SITE_WIDE_CACHE_MODELS).
"""

from django.core.validators import RegexValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from aimf_portal.caching.site_data import cached, public

DEFAULT_FOOTER_TEXT = (
    "L'Association internationale des maires francophones rassemble des villes qui coopèrent "
    "au service de leurs habitants."
)
# Its own error code: a URL field replaces the message of an "invalid" one with its own.
HTTPS_ADDRESS = RegexValidator(
    r"^https://\S+$", "Une adresse complète commençant par https://.", code="not_https"
)


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Réseau", max_length=40, help_text="Par exemple « LinkedIn ».")
    url = blocks.URLBlock(
        label="Adresse",
        validators=[HTTPS_ADDRESS],
        help_text="L'adresse de la page de l'association, https://…",
    )

    class Meta:
        icon = "link-external"
        label = "Réseau social"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    footer_text = models.TextField(
        "texte du pied de page",
        max_length=400,
        default=DEFAULT_FOOTER_TEXT,
        help_text="Une ou deux phrases sur l'association, en bas de chaque page ; 400 caractères "
        "au plus.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name="réseaux sociaux",
        blank=True,
        help_text="Les comptes de l'association, listés dans le pied de page dans cet ordre.",
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name="politique de confidentialité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="La page vers laquelle renvoie la case de consentement de la lettre "
        "d'actualités. Vide : la page simple d'adresse « politique-de-confidentialite ».",
    )

    contact_email = models.EmailField(
        "adresse de contact publique",
        blank=True,
        help_text="Affichée dans le pied de page et sur la page de contact, par exemple "
        "contact@aimf.asso.fr. Vide : aucune adresse n'est affichée.",
    )
    postal_address = models.TextField(
        "adresse postale",
        max_length=300,
        blank=True,
        help_text="Une ligne par ligne de l'adresse, telle qu'on l'écrit sur une enveloppe.",
    )
    contact_recipient = models.EmailField(
        "destinataire des messages",
        blank=True,
        help_text="L'adresse qui reçoit les messages du formulaire de contact (jamais affichée). "
        "Vide : les messages sont seulement gardés dans l'administration (« Messages de "
        "contact »).",
    )
    founding_year = models.PositiveSmallIntegerField(
        "année de fondation",
        default=1979,
        help_text="Chiffre clé de la page d'accueil.",
    )
    member_cities = models.PositiveIntegerField(
        "villes membres",
        null=True,
        blank=True,
        help_text="Chiffre clé de la page d'accueil ; vide : il n'est pas affiché.",
    )
    member_countries = models.PositiveSmallIntegerField(
        "pays",
        null=True,
        blank=True,
        help_text="Le nombre de pays des villes membres, chiffre clé de la page d'accueil ; "
        "vide : il n'est pas affiché.",
    )

    panels = [
        FieldPanel("footer_text"),
        FieldPanel("social_links"),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("postal_address")], heading="Coordonnées"
        ),
        FieldPanel("contact_recipient"),
        MultiFieldPanel(
            [
                FieldPanel("founding_year"),
                FieldPanel("member_cities"),
                FieldPanel("member_countries"),
            ],
            heading="Chiffres clés",
        ),
    ]

    class Meta:
        verbose_name = "réglages du site"
        verbose_name_plural = "réglages du site"


def read_settings(site):
    """The settings as plain values (what the cache keeps), the defaults while none are saved."""
    saved = SiteSettings.objects.filter(site=site).first()
    if saved is None:
        saved = SiteSettings(site=site)
        return {**plain_fields(saved), "social_links": [], "privacy_page": None}
    privacy_page = None
    if saved.privacy_page_id is not None:
        privacy_page = public(Page.objects.live()).filter(pk=saved.privacy_page_id).first()
    return {
        **plain_fields(saved),
        "social_links": [(link.value["name"], link.value["url"]) for link in saved.social_links],
        "privacy_page": privacy_page,
    }


PLAIN_FIELDS = (
    "footer_text",
    "contact_email",
    "postal_address",
    "contact_recipient",
    "founding_year",
    "member_cities",
    "member_countries",
)


def plain_fields(saved):
    values = {name: getattr(saved, name) for name in PLAIN_FIELDS}
    values["postal_lines"] = [
        line.strip() for line in saved.postal_address.splitlines() if line.strip()
    ]
    return values


def current_settings(request):
    """The settings of the site serving this request, from the site cache."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return read_settings(None)
    return cached(f"site-settings:{site.pk}", lambda: read_settings(site))
