"""/contact/: the form, its answer, and the email to the team. Never cached: the form carries
a CSRF token and each answer is the visitor's own."""

import logging
from smtplib import SMTPException

from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from aimf_portal.discovery.seo import PageMetadata, absolute_url
from aimf_portal.editorial.site_settings import current_settings

from .antibot import MIN_FILL_SECONDS, over_the_limit, seconds_since
from .forms import ContactForm
from .models import ContactMessage

logger = logging.getLogger(__name__)

RATE_LIMITED_MESSAGE = (
    "Vous nous avez écrit plusieurs fois en peu de temps : nous avons bien reçu vos messages. "
    "Réessayez dans une heure si vous avez encore quelque chose à ajouter."
)
DESCRIPTION = (
    "Écrire à l'Association internationale des maires francophones : projet de coopération, "
    "presse, adhésion d'une ville."
)


def metadata(request, title, indexed=True):
    return PageMetadata(
        title=title,
        description=DESCRIPTION,
        canonical_url=absolute_url(request, reverse("contact:form")),
        robots="" if indexed else "noindex",
    )


def contact_page(request, form, status=200, needs_confirmation=False):
    context = {
        "form": form,
        "needs_confirmation": needs_confirmation,
        "page_metadata": metadata(request, "Nous écrire", indexed=not form.is_bound),
    }
    return render(request, "contact/form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    if request.method != "POST":
        subject = request.GET.get("objet", "")
        initial = {"subject": subject} if subject in ContactMessage.Subject.values else {}
        return contact_page(request, ContactForm(initial=initial))
    form = ContactForm(request.POST)
    if not form.is_valid():
        return contact_page(request, form, status=400)
    elapsed = seconds_since(form.cleaned_data["started"])
    if elapsed is None or elapsed < MIN_FILL_SECONDS:
        # Sent back too fast for a person typing, or from a page too old: one more click.
        return contact_page(request, form.with_fresh_stamp(), needs_confirmation=True)
    if over_the_limit(request):
        context = {
            "message": RATE_LIMITED_MESSAGE,
            "page_metadata": metadata(request, "Trop de messages", indexed=False),
        }
        response = render(request, "contact/rate_limited.html", context, status=429)
        response["Retry-After"] = "3600"
        return response
    message = form.save()
    message.emailed = send_to_team(request, message)
    message.save(update_fields=["emailed"])
    return redirect("contact:thanks")


def send_to_team(request, message):
    """Email the message to the address set in « Réglages du site »; False if none is set or
    the mail server refused it (the message is kept in the admin either way)."""
    recipient = current_settings(request)["contact_recipient"]
    if not recipient:
        return False
    email = EmailMessage(
        subject=f"[Site de l'AIMF] {message.get_subject_display()} – {message.name}",
        body=(
            f"{message.name} <{message.email}> a écrit depuis le formulaire de contact "
            f"(objet : {message.get_subject_display()}) :\n\n{message.message}\n\n"
            "Répondez à ce courriel pour lui répondre."
        ),
        to=[recipient],
        reply_to=[message.email],
    )
    try:
        email.send()
    except (SMTPException, OSError):
        logger.exception("Le message de contact %s n'a pas pu être transmis.", message.pk)
        return False
    return True


@never_cache
def thanks(request):
    context = {"page_metadata": metadata(request, "Message envoyé", indexed=False)}
    return render(request, "contact/thanks.html", context)
