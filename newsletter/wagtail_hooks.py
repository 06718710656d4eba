from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import (
    ConsentTextCreateView,
    EraseSubscriberView,
    SubscriberFilterSet,
    SubscriberIndexView,
    SubscriberInspectView,
    export_confirmed_subscribers,
)
from .campaign_views import CampaignView, IssuesToSendView, SendIssueView
from .models import Campaign, ConsentText, NewsletterIssuePage, Subscriber
from .permissions import SEND_ISSUE, NewsletterTeamPolicy

# Registered before the viewsets below ask for a policy (Wagtail would make a default one).
register_permission_policy(Subscriber, NewsletterTeamPolicy(Subscriber, actions=["view"]))
register_permission_policy(ConsentText, NewsletterTeamPolicy(ConsentText, actions=["view", "add"]))
register_permission_policy(Campaign, NewsletterTeamPolicy(Campaign, ["view"], SEND_ISSUE))


class SubscriberViewSet(ModelViewSet):
    """Subscribers are only read here: they change state through their own links, the log is
    never edited, and erasure has its own confirmed action."""

    model = Subscriber
    name = "newsletter_subscriber"
    url_prefix = "newsletter/abonnes"
    icon = "user"
    menu_label = "Abonnés"
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "address",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "theme_titles",
    ]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    search_backend_name = None
    list_per_page = 50

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("export/", export_confirmed_subscribers, name="export"),
            path("effacer/<int:pk>/", EraseSubscriberView.as_view(), name="erase"),
        ]


class ConsentTextViewSet(ModelViewSet):
    """Consent texts are added, never edited: each save is a new version."""

    model = ConsentText
    name = "newsletter_consent_text"
    url_prefix = "newsletter/textes-de-consentement"
    icon = "doc-full"
    menu_label = "Textes de consentement"
    add_view_class = ConsentTextCreateView
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["text"]
    list_display = ["__str__", "text", "created_at"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class CampaignViewSet(ModelViewSet):
    """Sends, listed; each one's page shows its progress or its report."""

    model = Campaign
    name = "newsletter_campaign"
    url_prefix = "newsletter/envois"
    icon = "mail"
    menu_label = "Envois"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["subject", "status", "scheduled_at", "total", "finished_at"]
    list_filter = ["status"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", CampaignView.as_view(), name="inspect"),
        ]


class SendPermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SEND_ISSUE)


class IssuesToSendViewSet(ViewSet):
    """« Lettres à envoyer »: the published issues, each linking to its send page."""

    name = "newsletter_issues_to_send"
    url_prefix = "newsletter/a-envoyer"
    icon = "mail"
    menu_label = "Lettres à envoyer"
    menu_item_class = SendPermissionMenuItem

    def get_urlpatterns(self):
        return [path("", IssuesToSendView.as_view(), name="index")]


class NewsletterViewSetGroup(ViewSetGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 400
    items = (IssuesToSendViewSet, CampaignViewSet, SubscriberViewSet, ConsentTextViewSet)


@hooks.register("register_admin_viewset")
def register_newsletter_admin():
    return NewsletterViewSetGroup()


@hooks.register("register_admin_urls")
def register_send_view():
    return [
        path(
            "newsletter/envoyer/<int:page_id>/",
            SendIssueView.as_view(),
            name="newsletter_send_issue",
        )
    ]


@hooks.register("register_page_header_buttons")
def send_issue_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterIssuePage):
        yield PageMenuItem(
            "Envoyer ou tester",
            reverse("newsletter_send_issue", args=[page.pk]),
            icon_name="mail",
            priority=5,
            page=page,
        )
