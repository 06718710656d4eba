"""The visitor's side: sign up, confirm, ask for a new link, unsubscribe.

Pages that carry a CSRF token or act on a token from a link are never cached. The footer form,
which appears on pages that may be cached, carries no CSRF token: with JavaScript it fetches one
from `csrf_token` before posting; without, the sign-up view re-shows its own page, pre-filled,
for one more click (see docs/newsletter.md).
"""

from django.core.signing import BadSignature, SignatureExpired
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from .emails import send_after_signup, send_new_link, send_welcome
from .forms import AddressForm, PreferencesForm, SignupForm
from .links import CAMPAIGN_QUERY_PARAMETER
from .models import ConsentEvent, Subscriber
from .privacy import network_hash
from .ratelimit import seconds_to_wait
from .subscriptions import (
    Confirmation,
    change_themes,
    confirm_subscription,
    request_subscription,
    unsubscribe,
)
from .tokens import (
    read_confirmation_token,
    read_preferences_token,
    read_unsubscribe_token,
    unsubscribe_token,
)

SIGNUP_DONE_MESSAGE = (
    "Merci ! Nous venons d'écrire à cette adresse : ouvrez le message reçu pour continuer "
    "(pensez à regarder dans les courriers indésirables)."
)
EMAIL_DELAYED_MESSAGE = (
    "Votre demande est bien enregistrée, mais notre e-mail n'a pas pu partir. Réessayez plus "
    "tard avec le lien « Recevoir un nouveau lien »."
)
RATE_LIMITED_MESSAGE = (
    "Trop de demandes en peu de temps. Pour protéger les adresses de chacun, nous limitons le "
    "nombre d'inscriptions : réessayez plus tard."
)
UNVERIFIED_POST_MESSAGE = "Votre envoi n'a pas pu être vérifié : rechargez la page et réessayez."
ONE_CLICK_DONE_MESSAGE = "Désinscription enregistrée."
SECOND_CLICK_MESSAGE = (
    "Encore un clic : vérifiez votre adresse, puis validez à nouveau pour confirmer votre demande."
)


def wants_json(request):
    """The footer script asks for JSON; browsers submitting a form prefer HTML."""
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def csrf_token_is_valid(request):
    """Django's own CSRF check (Origin, Referer on HTTPS, token against cookie), run inside the
    view so that a failure can re-show the form instead of answering 403."""
    check = CsrfViewMiddleware(get_response=lambda request: None)
    return check.process_view(request, None, (), {}) is None


@csrf_exempt  # The CSRF check runs in the view itself: a failure must not lose the visitor's input.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.method != "POST":
        return signup_page(request, SignupForm())
    if not csrf_token_is_valid(request):
        # No token: the footer form of a cached page, posted without JavaScript (or a forged
        # post). Nothing is recorded; the visitor checks their input and confirms it here.
        if wants_json(request):
            return JsonResponse({"message": UNVERIFIED_POST_MESSAGE}, status=403)
        return signup_page(
            request, SignupForm.prefilled_from(request.POST), needs_confirmation=True
        )
    form = SignupForm(request.POST)
    if not form.is_valid():
        if form.needs_second_click():
            # Sent back very fast (a browser's autofill, or a script), or from a page shown
            # long ago: not refused, asked to confirm with one more click.
            if wants_json(request):
                return JsonResponse({"message": SECOND_CLICK_MESSAGE}, status=400)
            return signup_page(
                request, SignupForm.prefilled_from(request.POST), needs_confirmation=True
            )
        return invalid_form(request, form, signup_page)
    if wait := seconds_to_wait(request, form.cleaned_data["email"]):
        return rate_limited(request, wait)
    signup_request = request_subscription(
        email=form.cleaned_data["email"],
        themes=form.cleaned_data["themes"],
        consent_text=form.cleaned_data["consent_version"],
        source_page=form.cleaned_data["source_page"],
        network_hash=network_hash(request),
    )
    # The same answer whatever the address's status, so the form cannot reveal who subscribed.
    email_sent = send_after_signup(signup_request)
    if wants_json(request):
        if email_sent:
            return JsonResponse({"message": SIGNUP_DONE_MESSAGE})
        resend_link = {"url": reverse("newsletter:resend"), "label": "Recevoir un nouveau lien"}
        return JsonResponse({"message": EMAIL_DELAYED_MESSAGE, "link": resend_link})
    return redirect("newsletter:thanks" if email_sent else "newsletter:email_delayed")


def signup_page(request, form, status=200, needs_confirmation=False):
    context = {"form": form, "needs_confirmation": needs_confirmation}
    return render(request, "newsletter/signup.html", context, status=status)


def invalid_form(request, form, page):
    if wants_json(request):
        errors = {name: list(messages) for name, messages in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    return page(request, form, status=400)


def rate_limited(request, retry_after):
    if wants_json(request):
        response = JsonResponse({"message": RATE_LIMITED_MESSAGE}, status=429)
    else:
        context = {"message": RATE_LIMITED_MESSAGE}
        response = render(request, "newsletter/rate_limited.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_GET
def csrf_token(request):
    """A fresh CSRF token (and cookie) for the footer form, which cached pages cannot carry."""
    return JsonResponse({"csrfToken": get_token(request)})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def resend(request):
    """A new confirmation link, or for a subscribed address a message with its unsubscribe
    link; the answer is the same for every address."""
    if request.method != "POST":
        return resend_page(request, AddressForm())
    form = AddressForm(request.POST)
    if not form.is_valid():
        return invalid_form(request, form, resend_page)
    if wait := seconds_to_wait(request, form.cleaned_data["email"]):
        return rate_limited(request, wait)
    # The same work for every address, known or not: the lookup and the email run in the
    # background worker, so the answer's timing says nothing about who subscribed.
    send_new_link.enqueue(form.cleaned_data["email"])
    return redirect("newsletter:resend_done")


def resend_page(request, form, status=200):
    return render(request, "newsletter/resend.html", {"form": form}, status=status)


# The signed token in the URL is the proof, as for the unsubscribe link: no CSRF token, so that a
# visitor whose browser refuses cookies can still confirm.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET (what mail scanners do when they open links) only shows a button; the POST that
    button sends confirms."""
    try:
        reference, request_id = read_confirmation_token(token)
    except SignatureExpired:
        return link_problem(request, "expired", status=410)
    except BadSignature:
        return link_problem(request, "invalid", status=400)
    if request.method != "POST":
        return render(request, "newsletter/confirm.html")
    outcome, subscriber = confirm_subscription(reference, request_id, network_hash(request))
    if outcome is Confirmation.NO_LONGER_VALID:
        return link_problem(request, "no_longer_valid", status=410)
    if outcome is Confirmation.CONFIRMED:
        send_welcome(subscriber)
    context = {"already_confirmed": outcome is Confirmation.ALREADY_CONFIRMED}
    return render(request, "newsletter/confirmed.html", context)


# RFC 8058: the mail client's one-click POST carries no CSRF token. The signed token in the URL
# is the proof, and all it can do is withdraw consent, which doing twice changes nothing.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_link(request, token):
    try:
        reference = read_unsubscribe_token(token)
    except BadSignature:
        return link_problem(request, "invalid_unsubscribe", status=400)
    subscriber = Subscriber.objects.filter(reference=reference).first()
    if request.method != "POST":
        # Mail scanners follow links: a GET only shows the button.
        can_unsubscribe = subscriber is not None and subscriber.can_unsubscribe()
        return render(request, "newsletter/unsubscribe.html", {"can_unsubscribe": can_unsubscribe})
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    if subscriber is not None:
        method = ConsentEvent.Method.ONE_CLICK if one_click else ConsentEvent.Method.EMAIL_LINK
        campaign_id = request.GET.get(CAMPAIGN_QUERY_PARAMETER, "")
        unsubscribe(
            subscriber,
            method,
            network_hash(request),
            # Only a plausible id: a made-up 30-digit number must not reach the database.
            campaign_id=int(campaign_id)
            if campaign_id.isdigit() and len(campaign_id) < 10
            else None,
        )
    if one_click:
        return HttpResponse(ONE_CLICK_DONE_MESSAGE, content_type="text/plain; charset=utf-8")
    return render(request, "newsletter/unsubscribed.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """The themes a subscriber receives, from the link in every issue; each change is logged."""
    try:
        reference = read_preferences_token(token)
    except BadSignature:
        return link_problem(request, "invalid_preferences", status=400)
    subscriber = Subscriber.objects.filter(
        reference=reference, status=Subscriber.Status.CONFIRMED
    ).first()
    if subscriber is None:
        return render(request, "newsletter/preferences.html", {"subscribed": False})
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            saved = change_themes(subscriber, form.cleaned_data["themes"], network_hash(request))
            form = PreferencesForm(initial={"themes": subscriber.themes.all()})
    else:
        form = PreferencesForm(initial={"themes": subscriber.themes.all()})
    context = {
        "subscribed": True,
        "form": form,
        "saved": saved,
        "unsubscribe_url": reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]),
    }
    return render(
        request, "newsletter/preferences.html", context, status=400 if form.errors else 200
    )


def link_problem(request, problem, status):
    return render(request, "newsletter/link_problem.html", {"problem": problem}, status=status)
