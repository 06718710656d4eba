"""The consent record: versioned consent texts, subscribers, and the append-only log of what
each of them agreed to or withdrew, when and how."""

import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


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

    class Method(models.TextChoices):
        FORM = "form", "formulaire du site"
        EMAIL_LINK = "email_link", "lien reçu par e-mail"
        ONE_CLICK = "one_click", "désinscription en un clic (messagerie)"
        ADMIN = "admin", "administration"
        COMMAND = "command", "commande d'exploitation"

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
