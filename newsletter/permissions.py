from django.contrib.auth import get_user_model
from wagtail.permission_policies import BasePermissionPolicy

MANAGE_NEWSLETTER = "newsletter.manage_newsletter"
# Sending an issue to the subscribers: the « Newsletter » group's, not the writers' (migration
# 0004); anyone who may edit an issue may send it to a test address.
SEND_ISSUE = "newsletter.send_issue"


class NewsletterTeamPolicy(BasePermissionPolicy):
    """One dedicated permission opens the whole newsletter admin; `actions` says what the admin
    may do at all with a model (subscribers are only viewed, consent texts only added)."""

    def __init__(self, model, actions, permission=MANAGE_NEWSLETTER):
        super().__init__(model)
        self.actions = frozenset(actions)
        self.permission = permission

    def user_has_permission(self, user, action):
        return action in self.actions and user.has_perm(self.permission)

    def users_with_any_permission(self, actions):
        if self.actions.isdisjoint(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.with_perm(self.permission)
