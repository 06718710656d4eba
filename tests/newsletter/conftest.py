import pytest
from wagtail.models import Site

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


@pytest.fixture
def site_at_live_server(live_server):
    """Emails link to the configured site address: in a browser test, the live server's."""
    host, port = live_server.url.removeprefix("http://").split(":")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()
    return live_server
