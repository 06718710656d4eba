"""The dashboard's panels: the editors' guide for everyone, and for the Éditeurs what goes live
or expires next, on the pages they publish.

Pages waiting for their review already have Wagtail's own panel (« En attente de votre
relecture »); this one shows the schedule, which Wagtail's dashboard does not.
"""

from django.template import engines
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Revision
from wagtail.permissions import page_permission_policy

PANEL_TEMPLATE = engines["django"].from_string(
    """{% load wagtailadmin_tags %}
{% panel id="programmation" heading="Programmation" classname="w-panel--dashboard" %}
  <h3>Mises en ligne programmées</h3>
  {% if scheduled %}
    <ul>
      {% for revision in scheduled %}
        <li>
          <a href="{% url 'wagtailadmin_pages:edit' revision.object_id %}">
            {{ revision.object_str }}</a>
          — en ligne le {{ revision.approved_go_live_at|date:"j F Y à H:i" }}</li>
      {% endfor %}
    </ul>
  {% else %}
    <p>Aucune mise en ligne programmée.</p>
  {% endif %}
  <h3>Expirations à venir</h3>
  {% if expiring %}
    <ul>
      {% for page in expiring %}
        <li>
          <a href="{% url 'wagtailadmin_pages:edit' page.pk %}">{{ page.title }}</a>
          — retirée le {{ page.expire_at|date:"j F Y à H:i" }}</li>
      {% endfor %}
    </ul>
  {% else %}
    <p>Aucune expiration programmée.</p>
  {% endif %}
{% endpanel %}"""
)


class SchedulePanel(Component):
    name = "programmation"
    order = 230  # just after Wagtail's pages awaiting review
    size = 10

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        publishable = page_permission_policy.instances_user_has_any_permission_for(
            self.user, {"publish"}
        )
        revisions = list(
            Revision.page_revisions.exclude(approved_go_live_at=None).order_by(
                "approved_go_live_at", "pk"
            )
        )
        allowed = set(
            publishable.filter(pk__in=[int(r.object_id) for r in revisions]).values_list(
                "pk", flat=True
            )
        )
        expiring = publishable.live().filter(expire_at__gte=timezone.now()).order_by("expire_at")
        return PANEL_TEMPLATE.render(
            {
                "scheduled": [r for r in revisions if int(r.object_id) in allowed][: self.size],
                "expiring": expiring.only("title", "expire_at")[: self.size],
            }
        )


def user_publishes_pages(user):
    return page_permission_policy.user_has_permission(user, "publish")


GUIDE_PANEL_TEMPLATE = engines["django"].from_string(
    """{% load wagtailadmin_tags %}
{% panel id="guide-redaction" heading="Guide de rédaction" classname="w-panel--dashboard" %}
  <p>Pas à pas, captures d'écran à l'appui : écrire et publier une actualité, une action ou une
  publication, la relecture, la programmation, les pays et les images.</p>
  <p><a class="button button-secondary" href="{{ url }}">Ouvrir le guide de rédaction</a></p>
{% endpanel %}"""
)


class GuidePanel(Component):
    """The portal's own guide first on every dashboard, instead of Wagtail's."""

    name = "guide-redaction"
    order = 50

    def __init__(self, url):
        self.url = url

    def render_html(self, parent_context=None):
        return GUIDE_PANEL_TEMPLATE.render({"url": self.url})
