from django.contrib.auth import get_user_model
from wagtail.permission_policies import BasePermissionPolicy

MANAGE_NEWSLETTER = "newsletter.manage_newsletter"


class NewsletterTeamPolicy(BasePermissionPolicy):
    """One dedicated permission opens the whole newsletter admin; `actions` says what the admin
    may do at all with a model (subscribers are only viewed, consent texts only added)."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and user.has_perm(MANAGE_NEWSLETTER)

    def users_with_any_permission(self, actions):
        if self.actions.isdisjoint(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.with_perm(MANAGE_NEWSLETTER)
