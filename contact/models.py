"""The messages visitors send through the contact form, kept for the team for a limited time
(CONTACT_RETENTION_DAYS, `manage.py contact_purge`)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_RETENTION_DAYS = 365


def retention_days():
    return getattr(settings, "CONTACT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


class ContactMessage(models.Model):
    class Subject(models.TextChoices):
        PROJECT = "projet", "Projet de coopération"
        PRESS = "presse", "Presse"
        MEMBERSHIP = "adhesion", "Adhésion"
        OTHER = "autre", "Autre"

    name = models.CharField("nom", max_length=150)
    email = models.EmailField("adresse e-mail", max_length=254)
    subject = models.CharField("objet", max_length=10, choices=Subject.choices)
    message = models.TextField("message", max_length=5000)
    consent = models.BooleanField("accepte d'être recontacté·e", default=False)
    received_at = models.DateTimeField("reçu le", default=timezone.now, db_index=True)
    emailed = models.BooleanField(
        "transmis par e-mail",
        default=False,
        help_text="Faux si l'adresse de réception n'était pas réglée ou si l'envoi a échoué.",
    )

    class Meta:
        verbose_name = "message de contact"
        verbose_name_plural = "messages de contact"
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.get_subject_display()} – {self.name}"

    @classmethod
    def expired(cls, now=None):
        """The messages kept longer than the retention period."""
        limit = (now or timezone.now()) - timedelta(days=retention_days())
        return cls.objects.filter(received_at__lt=limit)
