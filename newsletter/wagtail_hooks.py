from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
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
from .models import ConsentText, Subscriber
from .permissions import NewsletterTeamPolicy

# Registered before the viewsets below ask for a policy (Wagtail would make a default one).
register_permission_policy(Subscriber, NewsletterTeamPolicy(Subscriber, actions=["view"]))
register_permission_policy(ConsentText, NewsletterTeamPolicy(ConsentText, actions=["view", "add"]))


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


class NewsletterViewSetGroup(ViewSetGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 400
    items = (SubscriberViewSet, ConsentTextViewSet)


@hooks.register("register_admin_viewset")
def register_newsletter_admin():
    return NewsletterViewSetGroup()
