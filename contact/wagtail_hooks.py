"""The team's list of contact messages: read and deleted, never written in the admin."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ContactMessage


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """Django's model permissions, less adding and changing: a message is what was sent."""

    def user_has_permission(self, user, action):
        return action in {"view", "delete"} and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) & {"view", "delete"})


# Registered before the viewset asks for a policy (Wagtail would make a default one).
register_permission_policy(ContactMessage, ReadAndDeletePolicy(ContactMessage))


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    name = "messages_de_contact"
    icon = "mail"
    menu_label = "Messages de contact"
    add_to_admin_menu = True
    menu_order = 310
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "email", "subject", "received_at", "emailed"]
    list_filter = ["subject", "emailed"]
    search_fields = ["name", "email", "message"]
    search_backend_name = None
    inspect_view_fields = [
        "name",
        "email",
        "subject",
        "message",
        "consent",
        "received_at",
        "emailed",
    ]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
            path("delete/<str:pk>/", self.delete_view, name="delete"),
            path("usage/<str:pk>/", self.usage_view, name="usage"),
        ]


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet()
