from places.forms import CityItemPageForm


class ActionPageForm(CityItemPageForm):
    """An action is always somewhere: the action listings filter by country and map cities."""

    countries_required = True
    cities_required = True
