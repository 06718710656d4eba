import pytest

from aimf_portal.models import HomePage, StandardPage, ThemePage


@pytest.fixture
def home():
    return HomePage.objects.get()


@pytest.fixture
def themes(home):
    """Two live themes, created out of alphabetical order to check the French sort."""
    return [
        home.add_child(instance=ThemePage(title=title, slug=slug, intro="<p>Intro.</p>"))
        for title, slug in [("Environnement", "environnement"), ("Éducation", "education")]
    ]


@pytest.fixture
def privacy_page(home):
    return home.add_child(
        instance=StandardPage(
            title="Politique de confidentialité", slug="politique-de-confidentialite"
        )
    )
