"""Sending an issue, in the Wagtail admin: test sends for whoever may edit the issue; the
audience, its count, send now or schedule, pause, resume and cancel for the « Newsletter » group
(newsletter.send_issue), who find the published issues in « Lettres à envoyer » (they cannot
open the pages themselves); progress and report for the newsletter team."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ThemeChoiceField
from .issue_email import IssueRenderError
from .models import Campaign, NewsletterIssuePage, theme_model
from .permissions import MANAGE_NEWSLETTER, SEND_ISSUE
from .sending import (
    SendingRefused,
    audience,
    cancel,
    check_sendable,
    pause,
    progress,
    resume,
    send_test,
    start_campaign,
)

MAX_TEST_ADDRESSES = 10


class AudienceForm(forms.Form):
    themes = ThemeChoiceField(
        label="Thématiques",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune cochée : tous les abonnés confirmés. Sinon, ceux qui ont choisi au "
        "moins une de ces thématiques.",
    )
    scheduled_at = forms.DateTimeField(
        label="Programmer l'envoi le",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        help_text="Vide : maintenant.",
        error_messages={
            "invalid": "Saisissez une date et une heure, par exemple 15/03/2026 09:00."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_model().objects.live()

    def clean_scheduled_at(self):
        scheduled_at = self.cleaned_data["scheduled_at"]
        if scheduled_at is not None and scheduled_at < timezone.now():
            raise ValidationError("Cette date est passée : choisissez-en une à venir, ou videz-la.")
        return scheduled_at


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label="Adresses de test",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Une par ligne, {MAX_TEST_ADDRESSES} au plus.",
        error_messages={"required": "Indiquez au moins une adresse."},
    )

    def __init__(self, *args, may_choose_addresses=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_choose_addresses = may_choose_addresses

    def clean_addresses(self):
        addresses = [line.strip() for line in self.cleaned_data["addresses"].splitlines()]
        addresses = [address for address in addresses if address]
        if len(addresses) > MAX_TEST_ADDRESSES:
            raise ValidationError(f"{MAX_TEST_ADDRESSES} adresses au plus.")
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    f"« {address} » n'est pas une adresse e-mail valide."
                ) from None
        if not addresses:
            raise ValidationError("Indiquez au moins une adresse.")
        return addresses


class SendIssueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/send_issue.html"
    page_title = "Envoyer la lettre"
    header_icon = "mail"

    def dispatch(self, request, page_id):
        self.issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
        self.can_send = request.user.has_perm(SEND_ISSUE)
        if not (self.can_send or self.issue.permissions_for_user(request.user).can_edit()):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.issue.title

    def test_form(self, data=None):
        if self.can_send:
            return TestSendForm(data, initial={"addresses": self.request.user.email})
        # Without the send permission, a test goes to one's own address only.
        return TestSendForm({"addresses": self.request.user.email} if data else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audience_form = kwargs.get("audience_form") or AudienceForm()
        themes = []
        if audience_form.is_bound and audience_form.is_valid():
            themes = audience_form.cleaned_data["themes"]
        sendable_problem = ""
        try:
            check_sendable(self.issue)
        except SendingRefused as error:
            sendable_problem = str(error)
        context.update(
            issue=self.issue,
            campaign=Campaign.objects.filter(issue=self.issue).first(),
            can_send=self.can_send,
            sendable_problem=sendable_problem,
            audience_form=audience_form,
            audience_count=audience(themes).count(),
            everyone_count=audience().count(),
            test_form=kwargs.get("test_form") or self.test_form(),
            counted=audience_form.is_bound,
        )
        return context

    def post(self, request, page_id):
        action = request.POST.get("action")
        if action == "test":
            return self.send_test()
        if not self.can_send:
            raise PermissionDenied
        audience_form = AudienceForm(request.POST)
        if action != "send" or not audience_form.is_valid():
            # "Compter" (or an invalid form): show the count for the chosen themes.
            return self.render_to_response(
                self.get_context_data(audience_form=audience_form),
                status=200 if audience_form.is_valid() else 400,
            )
        try:
            campaign = start_campaign(
                self.issue,
                audience_form.cleaned_data["themes"],
                request.user,
                audience_form.cleaned_data["scheduled_at"],
            )
        except SendingRefused as error:
            messages.error(request, str(error))
            return self.render_to_response(
                self.get_context_data(audience_form=audience_form), status=400
            )
        messages.success(
            request,
            "L'envoi est lancé."
            if campaign.scheduled_at <= timezone.now()
            else "L'envoi est programmé.",
        )
        return redirect("newsletter_campaign:inspect", campaign.pk)

    def send_test(self):
        test_form = self.test_form(self.request.POST)
        if not test_form.is_valid():
            return self.render_to_response(self.get_context_data(test_form=test_form), status=400)
        try:
            send_test(
                self.issue.get_latest_revision_as_object(), test_form.cleaned_data["addresses"]
            )
        except IssueRenderError as error:
            messages.error(self.request, str(error))
            return self.render_to_response(self.get_context_data(), status=400)
        except Exception as error:
            messages.error(self.request, f"Le serveur d'envoi a refusé le message : {error}")
            return self.render_to_response(self.get_context_data(), status=400)
        addresses = ", ".join(test_form.cleaned_data["addresses"])
        messages.success(self.request, f"Message de test envoyé à {addresses}.")
        return redirect("newsletter_send_issue", self.issue.pk)


class IssuesToSendView(WagtailAdminTemplateMixin, TemplateView):
    """The published issues, newest first, each with its send's state and a link to its send
    page: the « Newsletter » group's way in, since only writers open the page explorer."""

    template_name = "newsletter/admin/issues_to_send.html"
    page_title = "Lettres à envoyer"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SEND_ISSUE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issues = NewsletterIssuePage.objects.live().select_related("campaign")
        context["issues"] = issues.defer_streamfields().order_by("-last_published_at", "-pk")
        return context


class CampaignView(WagtailAdminTemplateMixin, TemplateView):
    """Progress while sending, report afterwards; pause, resume, cancel."""

    template_name = "newsletter/admin/campaign.html"
    page_title = "Envoi de la lettre"
    header_icon = "mail"
    actions = {"pause": pause, "resume": resume, "cancel": cancel}
    done_messages = {
        "pause": "L'envoi est en pause.",
        "resume": "L'envoi reprend.",
        "cancel": "L'envoi est annulé : personne d'autre ne recevra ce numéro.",
    }

    def dispatch(self, request, pk):
        if not (request.user.has_perm(MANAGE_NEWSLETTER) or request.user.has_perm(SEND_ISSUE)):
            raise PermissionDenied
        self.campaign = get_object_or_404(Campaign, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.campaign.subject

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            campaign=self.campaign,
            progress=progress(self.campaign),
            can_send=self.request.user.has_perm(SEND_ISSUE),
            refresh=self.campaign.status == Campaign.Status.SENDING,
        )
        return context

    def post(self, request, pk):
        if not request.user.has_perm(SEND_ISSUE):
            raise PermissionDenied
        action = request.POST.get("action")
        if action not in self.actions:
            messages.error(request, "Action inconnue.")
        elif self.actions[action](self.campaign):
            messages.success(request, self.done_messages[action])
        else:
            messages.warning(request, "L'envoi a changé d'état entre-temps : rien n'a été fait.")
        return redirect(reverse("newsletter_campaign:inspect", args=[pk]))
