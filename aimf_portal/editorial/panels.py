"""The edit form's tabs, the same on every page type."""

from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page


def tabbed_edit_handler(*tabs):
    """The French tabs of a page's edit form, then Wagtail's promote and settings tabs."""
    return TabbedInterface(
        [
            *(ObjectList(panels, heading=heading) for heading, panels in tabs),
            ObjectList(Page.promote_panels, heading="Référencement"),
            ObjectList(Page.settings_panels, heading="Publication"),
        ]
    )
