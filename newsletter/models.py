"""The consent record: versioned consent texts, subscribers, and the append-only log of what
each of them agreed to or withdrew, when and how."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from aimf_portal.caching.site_data import public

from .blocks import IssueBodyBlock
from .issue_email import IssueRenderError, render_issue


class ImmutableRecordError(Exception):
    """Raised when code tries to change a record that the GDPR proof relies on."""


class ConsentText(models.Model):
    """One version of the sentence visitors tick; a version is never changed once created, so
    every logged consent points at the exact words that were shown."""

    version = models.PositiveIntegerField("version", unique=True, editable=False)
    text = models.TextField(
        "texte",
        max_length=1000,
        help_text="La phrase que la personne coche. Le lien vers la politique de confidentialité "
        "est ajouté à la suite. Une version enregistrée ne se modifie plus : pour changer le "
        "texte, créez une nouvelle version, qui remplace la précédente sur tout le site.",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "texte de consentement"
        verbose_name_plural = "textes de consentement"
        ordering = ["-version"]
        default_permissions = ()

    def __str__(self):
        return f"Version {self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(
                "Un texte de consentement ne se modifie pas : créez une nouvelle version."
            )
        if self.version is None:
            latest = ConsentText.objects.aggregate(latest=models.Max("version"))["latest"]
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Un texte de consentement ne se supprime pas.")

    @classmethod
    def current(cls):
        return cls.objects.order_by("-version").first()


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "en attente de confirmation"
        CONFIRMED = "confirmed", "abonné"
        UNSUBSCRIBED = "unsubscribed", "désinscrit"
        # The provider reported the address undeliverable, or its owner marked a message as spam.
        SUPPRESSED = "suppressed", "exclu (rebond ou plainte)"
        ERASED = "erased", "effacé"

    reference = models.UUIDField("référence", default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(
        "adresse e-mail", max_length=254, null=True, blank=True, help_text="Vide une fois effacée."
    )
    status = models.CharField(
        "statut", max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    themes = models.ManyToManyField(
        "aimf_portal.ThemePage",
        verbose_name="thématiques",
        blank=True,
        related_name="newsletter_subscribers",
    )
    created_at = models.DateTimeField("inscrit le", default=timezone.now)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscrit le", null=True, blank=True)
    erased_at = models.DateTimeField("effacé le", null=True, blank=True)
    last_activity_at = models.DateTimeField(
        "dernière activité",
        null=True,
        blank=True,
        help_text="Dernière confirmation par la personne elle-même ; sert au délai de "
        "conservation.",
    )
    soft_bounces = models.PositiveSmallIntegerField(
        "rebonds temporaires",
        default=0,
        help_text="Comptés depuis la dernière confirmation ; au-delà de la limite, l'adresse est "
        "exclue.",
    )

    class Meta:
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [
            (
                "manage_newsletter",
                "Peut gérer la lettre d'actualités (abonnés, export, textes, effacement)",
            )
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(status="erased", email__isnull=True)
                | (~models.Q(status="erased") & models.Q(email__isnull=False)),
                name="newsletter_subscriber_email_only_until_erased",
            ),
        ]

    def __str__(self):
        return self.email or f"Abonné effacé n° {self.pk}"

    def address(self):
        return str(self)

    address.short_description = "adresse"
    address.admin_order_field = "email"

    def theme_titles(self):
        return ", ".join(theme.title for theme in self.themes.all())

    theme_titles.short_description = "thématiques"

    def open_request(self):
        """The latest sign-up request not yet settled by a confirmation, an unsubscription or an
        erasure; events are ordered by id, which follows the order they were written in."""
        latest = self.consent_events.order_by("-pk").first()
        if latest is not None and latest.action in ConsentEvent.REQUEST_ACTIONS:
            return latest
        return None

    def is_request_open(self, event_id):
        """Whether that sign-up request of this subscriber still waits for its confirmation."""
        later_events = self.consent_events.filter(pk__gt=event_id)
        return (
            self.consent_events.filter(
                pk=event_id, action__in=ConsentEvent.REQUEST_ACTIONS
            ).exists()
            and not later_events.exclude(action__in=ConsentEvent.REQUEST_ACTIONS).exists()
        )

    def can_unsubscribe(self):
        """Whether an unsubscription would change anything: subscribed, or a request open."""
        if self.status in (self.Status.PENDING, self.Status.CONFIRMED):
            return True
        return self.status == self.Status.UNSUBSCRIBED and self.open_request() is not None


class ConsentEvent(models.Model):
    """One line of the consent log. Rows are only ever added; the two exceptions are written
    once, in `subscriptions.py`: erasure blanks the network hash, and the purge of sign-ups never
    confirmed removes them with their subscriber."""

    class Action(models.TextChoices):
        SUBSCRIBE = "subscribe", "demande d'inscription"
        CONFIRM = "confirm", "confirmation"
        UNSUBSCRIBE = "unsubscribe", "désinscription"
        RESUBSCRIBE = "resubscribe", "demande de réinscription"
        ERASE = "erase", "effacement des données"
        PREFERENCES = "preferences", "changement des thématiques"
        SUPPRESS = "suppress", "exclusion par la messagerie"

    class Method(models.TextChoices):
        FORM = "form", "formulaire du site"
        EMAIL_LINK = "email_link", "lien reçu par e-mail"
        ONE_CLICK = "one_click", "désinscription en un clic (messagerie)"
        ADMIN = "admin", "administration"
        COMMAND = "command", "commande d'exploitation"
        PROVIDER = "provider", "signalement du service d'envoi"

    REQUEST_ACTIONS = (Action.SUBSCRIBE, Action.RESUBSCRIBE)

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name="abonné",
        on_delete=models.PROTECT,
        related_name="consent_events",
    )
    action = models.CharField("action", max_length=16, choices=Action.choices)
    method = models.CharField("moyen", max_length=16, choices=Method.choices)
    occurred_at = models.DateTimeField("date", default=timezone.now, db_index=True)
    consent_text = models.ForeignKey(
        ConsentText,
        verbose_name="texte de consentement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consent_events",
        help_text="La version exacte affichée (demandes) ou confirmée (confirmations).",
    )
    themes = models.ManyToManyField(
        "aimf_portal.ThemePage",
        verbose_name="thématiques demandées",
        blank=True,
        related_name="+",
    )
    source_page = models.CharField("page d'origine", max_length=200, blank=True)
    reason = models.CharField(
        "motif",
        max_length=200,
        blank=True,
        help_text="Pour une exclusion : rebond définitif, plainte, rebonds temporaires répétés.",
    )
    network_hash = models.CharField(
        "empreinte du réseau",
        max_length=16,
        blank=True,
        help_text="Hachage à clé, tronqué, de l'adresse IP (ou du préfixe IPv6 /64).",
    )

    class Meta:
        verbose_name = "événement de consentement"
        verbose_name_plural = "journal des consentements"
        ordering = ["occurred_at", "pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.get_action_display()} ({self.occurred_at:%d/%m/%Y %H:%M})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError("Le journal des consentements ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Le journal des consentements ne se modifie pas.")


class SuppressedAddress(models.Model):
    """An erased address, kept only as a keyed hash so it cannot be re-imported by mistake."""

    address_hash = models.CharField("empreinte de l'adresse", max_length=64, unique=True)
    created_at = models.DateTimeField("ajoutée le", default=timezone.now)

    class Meta:
        verbose_name = "adresse supprimée"
        verbose_name_plural = "liste de suppression"
        default_permissions = ()

    def __str__(self):
        return self.address_hash[:12]


def theme_model():
    """The site's theme pages, which subscribers choose from: found through the relation, not
    imported (the site pages sit above this app)."""
    return Subscriber.themes.field.related_model


class NewsletterIndexPage(Page):
    """The archive of the issues sent, at a French address under the home page (/lettre/)."""

    intro = RichTextField(
        "présentation",
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Quelques mots sur la lettre, au-dessus de la liste des numéros.",
    )

    # Right under the home page, whose routing caches its children under the site's generation:
    # publishing this page must move it (aimf_portal.caching.invalidation), or /lettre/ 404s.
    shown_on_every_page = True

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["aimf_portal.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count = 1

    class Meta:
        verbose_name = "lettre d'actualités (archive)"

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        # HomePage.route hands over a cached copy of this page, whose numchild may predate the
        # newest issue: Wagtail's route would then see no child at all. Found by path instead.
        issue = Page.objects.child_of(self).filter(slug=path_components[0]).first()
        if issue is None:
            raise Http404
        return issue.specific.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = self.sent_issues()
        return context

    def sent_issues(self):
        """The issues whose send has begun, newest first: an approved issue waiting for its
        send, or for its scheduled date, is not out yet (its page already exists, unlisted)."""
        issues = public(NewsletterIssuePage.objects.live().child_of(self))
        return (
            issues.filter(campaign__started_at__isnull=False)
            .select_related("campaign")
            .defer_streamfields()
            .order_by("-campaign__started_at", "-pk")
        )


class NewsletterIssuePage(Page):
    """One issue of the newsletter. Written, reviewed and published like any page; the
    published page is its web version, and the published revision is what is emailed."""

    preheader = models.CharField(
        "phrase d'accroche",
        max_length=150,
        blank=True,
        help_text="Affichée par les messageries à côté de l'objet (le titre de la page).",
    )
    body = StreamField(
        IssueBodyBlock(),
        verbose_name="contenu",
        help_text="Introduction, derniers éléments (remplis à l'enregistrement), sélection, "
        "appel à l'action, texte.",
    )

    content_panels = [*Page.content_panels, FieldPanel("preheader"), FieldPanel("body")]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    EMAIL_HTML_PREVIEW = "email-html"
    EMAIL_TEXT_PREVIEW = "email-texte"

    class Meta:
        verbose_name = "numéro de la lettre"
        verbose_name_plural = "numéros de la lettre"

    @property
    def preview_modes(self):
        return [
            ("", "La page web"),
            (self.EMAIL_HTML_PREVIEW, "L'e-mail (600 px)"),
            (self.EMAIL_TEXT_PREVIEW, "L'e-mail en texte brut"),
        ]

    def serve_preview(self, request, mode_name):
        if mode_name not in (self.EMAIL_HTML_PREVIEW, self.EMAIL_TEXT_PREVIEW):
            return super().serve_preview(request, mode_name)
        try:
            rendered = render_issue(self)
        except IssueRenderError as error:
            return HttpResponse(str(error), content_type="text/plain; charset=utf-8", status=400)
        if mode_name == self.EMAIL_TEXT_PREVIEW:
            text = rendered.sample_text()
            return HttpResponse(text, content_type="text/plain; charset=utf-8")
        return HttpResponse(rendered.sample_html())


class Campaign(models.Model):
    """The sending of one issue: who it goes to, when, and how far it has gone."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "programmé"
        SENDING = "sending", "en cours d'envoi"
        PAUSED = "paused", "en pause"
        CANCELLED = "cancelled", "annulé"
        SENT = "sent", "terminé"

    issue = models.OneToOneField(
        NewsletterIssuePage,
        verbose_name="numéro",
        on_delete=models.SET_NULL,
        null=True,
        related_name="campaign",
    )
    subject = models.CharField("objet", max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="version envoyée",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text="La version publiée (approuvée) au début de l'envoi.",
    )
    themes = models.ManyToManyField(
        "aimf_portal.ThemePage",
        verbose_name="thématiques de l'audience",
        blank=True,
        related_name="+",
        help_text="Vide : tous les abonnés confirmés.",
    )
    status = models.CharField(
        "état", max_length=16, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    scheduled_at = models.DateTimeField("envoi prévu le", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="demandé par",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("demandé le", default=timezone.now)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    total = models.PositiveIntegerField("destinataires", default=0)
    last_error = models.CharField("dernier problème", max_length=500, blank=True)
    # A worker sending this campaign holds it until lease_until; past it (the worker died),
    # the next task to run takes over. lease_holder tells a worker it still holds it.
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    lease_holder = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [("send_issue", "Peut envoyer la lettre d'actualités aux abonnés")]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One recipient of one campaign. Written before the message is handed to the email
    backend and marked after, so a restarted worker knows who still waits."""

    class Status(models.TextChoices):
        QUEUED = "queued", "à envoyer"
        SENT = "sent", "remis au service d'envoi"
        FAILED = "failed", "refusé"
        WITHDRAWN = "withdrawn", "non envoyé : désinscrit entre-temps"
        CANCELLED = "cancelled", "non envoyé : envoi annulé"

    campaign = models.ForeignKey(
        Campaign, verbose_name="envoi", on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, verbose_name="abonné", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField("état", max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    sent_at = models.DateTimeField("remis le", null=True, blank=True)
    error = models.CharField("erreur", max_length=500, blank=True)
    provider_message_id = models.CharField(
        "identifiant chez le service d'envoi", max_length=255, blank=True, db_index=True
    )
    bounced_at = models.DateTimeField("rebond le", null=True, blank=True)
    complained_at = models.DateTimeField("plainte le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscription le", null=True, blank=True)

    class Meta:
        verbose_name = "destinataire"
        verbose_name_plural = "destinataires"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "subscriber"], name="newsletter_delivery_once_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["campaign", "status", "id"])]

    def __str__(self):
        return f"{self.campaign} → {self.subscriber}"


class ProviderEvent(models.Model):
    """A bounce or complaint reported by the email service provider, kept so that a webhook
    delivered twice changes nothing the second time."""

    provider = models.CharField("service d'envoi", max_length=40)
    event_key = models.CharField("identifiant de l'événement", max_length=64)
    event_type = models.CharField("type", max_length=20)
    recipient_hash = models.CharField("empreinte du destinataire", max_length=64, blank=True)
    delivery = models.ForeignKey(
        Delivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    received_at = models.DateTimeField("reçu le", default=timezone.now)

    class Meta:
        verbose_name = "signalement du service d'envoi"
        verbose_name_plural = "signalements du service d'envoi"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_key"], name="newsletter_provider_event_once"
            )
        ]

    def __str__(self):
        return f"{self.provider} : {self.event_type}"
