from aimf_portal.items.forms import ThemeItemPageForm


class ActionPageForm(ThemeItemPageForm):
    """An action is always somewhere: the action listings filter by country."""

    countries_required = True
