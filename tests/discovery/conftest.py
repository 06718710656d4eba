import pytest

from actions.factories import ActionPageFactory
from news.factories import NewsPageFactory
from publications.factories import PublicationPageFactory
from tests.discovery.helpers import indexed


@pytest.fixture
def searchable(theme):
    """One item of each kind with known words, plus a draft and a private item that match too."""
    return {
        "news": indexed(
            NewsPageFactory(
                parent=theme,
                title="Le patrimoine de Hué restauré",
                teaser="La citadelle impériale rouvre ses portes.",
                cities=["Hué"],
                countries=["VN"],
            )
        ),
        "action": indexed(
            ActionPageFactory(
                parent=theme,
                title="Sauvegarde de la médina",
                teaser="Les artisans de Fès forment des apprentis au patrimoine bâti.",
                cities=["Fès"],
                countries=["MA"],
            )
        ),
        "publication": indexed(
            PublicationPageFactory(
                parent=theme,
                title="Guide des villes patrimoniales",
                teaser="Protéger le patrimoine et faire vivre les centres anciens.",
                countries=["BJ"],
            )
        ),
        "draft": indexed(
            NewsPageFactory(parent=theme, title="Patrimoine en brouillon", draft=True)
        ),
        "private": indexed(NewsPageFactory(parent=theme, title="Patrimoine réservé", private=True)),
    }
