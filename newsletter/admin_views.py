"""The team's side, in the Wagtail admin: subscribers and their consent history, the CSV export
and erasure. Everything needs the newsletter.manage_newsletter permission."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from django_filters import ChoiceFilter, DateFromToRangeFilter, ModelMultipleChoiceFilter
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button, HeaderButton

from .emails import unsubscribe_url
from .models import ConsentEvent, Subscriber, theme_model
from .permissions import MANAGE_NEWSLETTER
from .subscriptions import erase

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SubscriberFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label="Statut",
        choices=Subscriber.Status.choices,
        empty_label="Tous",
        widget=forms.RadioSelect,
    )
    themes = ModelMultipleChoiceFilter(
        label="Thématiques",
        queryset=lambda request: theme_model().objects.order_by("title"),
        widget=forms.CheckboxSelectMultiple,
    )
    created_at = DateFromToRangeFilter(label="Inscrit entre le", widget=DateRangePickerWidget)

    class Meta:
        model = Subscriber
        fields = ["status", "themes", "created_at"]


class SubscriberIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("themes")

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                "Exporter les abonnés confirmés (CSV)",
                url=reverse("newsletter_subscriber:export"),
                icon_name="download",
            )
        ]


class SubscriberInspectView(InspectView):
    fields = [
        "email",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "erased_at",
        "last_activity_at",
        "themes",
    ]
    template_name = "newsletter/admin/subscriber_inspect.html"

    @cached_property
    def header_more_buttons(self):
        if self.object.status == Subscriber.Status.ERASED:
            return []
        erase_url = reverse("newsletter_subscriber:erase", args=[self.object.pk])
        return [Button("Effacer les données", url=erase_url, icon_name="bin", priority=10)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consent_events"] = (
            self.object.consent_events.select_related("consent_text")
            .prefetch_related("themes")
            .order_by("pk")
        )
        return context


class ConsentTextCreateView(CreateView):
    def get_success_buttons(self):
        return []  # Wagtail offers "Edit" here; a consent text version is never edited.


def require_newsletter_permission(user):
    if not user.has_perm(MANAGE_NEWSLETTER):
        raise PermissionDenied


class EraseSubscriberView(WagtailAdminTemplateMixin, TemplateView):
    """Right to erasure: one confirmation, then the address is gone from everywhere."""

    template_name = "newsletter/admin/erase_confirm.html"
    page_title = "Effacer les données d'un abonné"
    header_icon = "bin"

    def dispatch(self, request, pk):
        require_newsletter_permission(request.user)
        self.subscriber = get_object_or_404(
            Subscriber.objects.exclude(status=Subscriber.Status.ERASED), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.subscriber)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriber"] = self.subscriber
        return context

    def post(self, request, pk):
        erase(self.subscriber, ConsentEvent.Method.ADMIN)
        messages.success(
            request,
            "Les données de l'abonné ont été effacées ; son historique anonyme est conservé.",
        )
        return redirect("newsletter_subscriber:inspect", pk)


def export_confirmed_subscribers(request):
    """The list the team imports into its mailing tool, with each subscriber's own
    unsubscribe link, to put in every newsletter and in its List-Unsubscribe header."""
    require_newsletter_permission(request.user)
    subscribers = (
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .prefetch_related("themes")
        .order_by("email")
    )
    filename = f"abonnes-confirmes-{timezone.localdate():%Y-%m-%d}.csv"
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
    response.write("\ufeff")  # Lets spreadsheet software read the accents right.
    writer = csv.writer(response)
    writer.writerow(["email", "thematiques", "confirme_le", "lien_desinscription"])
    for subscriber in subscribers:
        writer.writerow(
            [
                spreadsheet_safe(subscriber.email),
                spreadsheet_safe(" ; ".join(theme.title for theme in subscriber.themes.all())),
                timezone.localtime(subscriber.confirmed_at).isoformat(timespec="seconds"),
                unsubscribe_url(subscriber),
            ]
        )
    return response


def spreadsheet_safe(value):
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value
