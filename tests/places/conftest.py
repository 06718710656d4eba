import pytest

from actions.factories import ActionPageFactory
from aimf_portal.factories import ThemePageFactory
from news.factories import NewsPageFactory


@pytest.fixture
def linked_items(theme):
    """Items of two themes linked to Hué and Nikki: what the directory, the city pages and the
    maps show."""
    other_theme = ThemePageFactory(title="Gouvernance locale")
    return {
        "hue_news": NewsPageFactory(
            parent=theme, title="La citadelle rouverte", cities=["Hué"], countries=["VN"]
        ),
        "hue_action": ActionPageFactory(
            parent=theme, title="Restaurer la citadelle", cities=["Hué"], countries=["VN"]
        ),
        "hue_action_2": ActionPageFactory(
            parent=other_theme, title="Former les agents", cities=["Hué"], countries=["VN"]
        ),
        "nikki_action": ActionPageFactory(
            parent=other_theme, title="La Gaani", cities=["Nikki"], countries=["BJ"]
        ),
        "draft_action": ActionPageFactory(
            parent=theme, title="Brouillon", cities=["Hué"], countries=["VN"], draft=True
        ),
    }
