"""`load_demo_content` builds the site issue 2 describes, reloads without duplicates, scales up.

The expected titles, slugs and countries are written out here rather than read from the demo
content module, so these tests check the contract and not the module against itself.
"""

import hashlib
import io
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from actions.models import ActionDocument, ActionPage, ActionPageCountry, ActionPartner
from aimf_portal.demo import media, site
from aimf_portal.editorial.site_settings import SiteSettings
from aimf_portal.models import HomePage, StandardPage, ThemePage
from news.models import NewsPage, NewsPageCountry
from publications.models import PublicationPage, PublicationPageCountry

pytestmark = pytest.mark.django_db

THEME_TITLES = [
    "Climat",
    "Coopération décentralisée",
    "Culture / Patrimoine",
    "Décentralisation",
    "Développement économique",
    "Diasporas",
    "Diplomatie des villes",
    "Economie sociale et circulaire",
    "Education",
    "Egalités",
    "Finances locales",
    "Francophonie",
    "Gouvernance locale",
    "Mobilité",
    "Numérique",
    "Résilience",
    "Santé",
    "Services essentiels",
    "Solidarités / Urgence",
    "Sport",
    "Urbanisme",
    "Villes et Universités",
    "Vivre-Ensemble",
]

# The seed's six news items, by a word of their title, with the countries they concern.
CULTURE_NEWS_COUNTRIES = {
    "Namur": {"CA", "BE"},
    "Cameroun": {"CM"},
    "Fès": {"FR", "MA"},
    "400 maires": {"VN"},
    "Casablanca": {"MA"},
    "tourisme": {"VN"},
}
CULTURE_ACTION_COUNTRIES = {"Bohicon": {"BJ"}, "Sousse": {"TN"}, "Nikki": {"BJ"}}
ITEM_MODELS = (NewsPage, ActionPage, PublicationPage)
PLACEHOLDER_WORDS = ("lorem", "ipsum", "test")


def load_demo_content(*args):
    output = io.StringIO()
    call_command("load_demo_content", *args, stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def demo_media_root(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, demo_media_root):
    """The demo loaded once for this module, inside a transaction rolled back at its end.

    Each test still runs in its own savepoint (pytest-django's `db`), so the tests that load
    again or add synthetic items leave the shared site as they found it. Pictures are drawn
    small: their size does not change what is tested, only how long drawing takes.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=demo_media_root),
        pytest.MonkeyPatch.context() as monkeypatch,
        transaction.atomic(),
    ):
        monkeypatch.setattr(media, "IMAGE_SIZE", (320, 200))
        load_demo_content()
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def demo_media(settings, demo_site, demo_media_root, monkeypatch):
    """Every test reads the files the shared load wrote, whatever MEDIA_ROOT a conftest sets."""
    settings.MEDIA_ROOT = demo_media_root
    monkeypatch.setattr(media, "IMAGE_SIZE", (320, 200))


def theme(slug):
    return ThemePage.objects.get(slug=slug)


def children(model, parent):
    return model.objects.child_of(parent).specific()


def country_codes(item):
    return {country.code for country in item.countries.all()}


def the_one(items, word):
    matching = [item for item in items if word in item.title]
    assert len(matching) == 1, f"{word!r} : {[item.title for item in items]}"
    return matching[0]


def row_counts():
    models = (
        Page,
        Revision,
        get_image_model(),
        get_document_model(),
        NewsPageCountry,
        ActionPageCountry,
        PublicationPageCountry,
        ActionPartner,
        ActionDocument,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_builds_the_association_s_23_themes_under_the_home_page():

    home = HomePage.objects.get()
    themes = ThemePage.objects.child_of(home)
    assert sorted(themes.values_list("title", flat=True)) == sorted(THEME_TITLES)
    for page in themes:
        assert page.slug == slugify(page.title)
        assert page.live and page.live_revision_id is not None
        assert page.intro.count(". ") >= 1, f"{page.title} : une seule phrase"
        assert not any(word in page.intro.lower() for word in PLACEHOLDER_WORDS)
    assert theme("culture-patrimoine").title == "Culture / Patrimoine"
    assert theme("gouvernance-locale").title == "Gouvernance locale"
    assert "maires francophones" in home.intro


def test_culture_heritage_holds_the_seed_s_news_actions_and_publications():
    culture = theme("culture-patrimoine")

    news = list(children(NewsPage, culture))
    assert len(news) == 6
    for word, codes in CULTURE_NEWS_COUNTRIES.items():
        item = the_one(news, word)
        assert country_codes(item) == codes
        assert item.cities.exists() and item.date.year == 2025
        paragraphs = [block for block in item.body if block.block_type == "paragraph"]
        assert 2 <= len(paragraphs) <= 4
    hue_tourism = the_one(news, "tourisme")
    assert "Hue – ancienne capitale, nouvelle opportunité" in hue_tourism.teaser

    actions = list(children(ActionPage, culture))
    assert len(actions) == 3
    for word, codes in CULTURE_ACTION_COUNTRIES.items():
        action = the_one(actions, word)
        assert country_codes(action) == codes
        assert [city.name for city in action.cities.all()] == [word]
        assert action.partners.exists()
        assert action.documents.get().document.file_extension == "pdf"
    assert {action.status for action in actions} == set(ActionPage.Status)

    publications = list(children(PublicationPage, culture))
    assert len(publications) >= 8
    raisonnance = [p for p in publications if p.kind == PublicationPage.Kind.RAISONNANCE]
    assert len([p for p in raisonnance if p.issue_number]) >= 2
    gender_health = the_one(raisonnance, "Genre et Santé")
    assert gender_health.issue_number == 17 and not gender_health.is_demo
    assert not the_one(raisonnance, "diplomatie").is_demo
    assert {p.date.year for p in publications} >= {2022, 2023, 2024, 2025}
    all_codes = set().union(*(country_codes(p) for p in publications))
    assert all_codes >= {"BJ", "TN", "CM", "SN", "FR", "CA", "VN"}


def test_local_governance_has_items_of_its_own_and_other_themes_only_an_intro():
    governance = theme("gouvernance-locale")

    assert 2 <= children(NewsPage, governance).count() <= 3
    assert 1 <= children(ActionPage, governance).count() <= 2
    assert children(PublicationPage, governance).count() == 2
    assert governance.promos
    assert theme("climat").get_children().count() == 0


def test_every_item_has_a_described_image_and_countries_and_publications_a_pdf():

    for model in ITEM_MODELS:
        for item in model.objects.all():
            assert item.image is not None, item.title
            assert item.image.description.startswith(("Illustration", "Couverture")), item.title
            assert item.countries.exists(), item.title
    for publication in PublicationPage.objects.select_related("document"):
        with publication.document.open_file() as pdf:
            content = pdf.read()
        assert content.startswith(b"%PDF")
        assert len(content) < 200_000


def test_demo_files_carry_the_size_and_hash_an_upload_records():
    """Wagtail's duplicate-upload check compares hashes, and the media library shows sizes."""

    for model in (get_image_model(), get_document_model()):
        for media_file in model.objects.all():
            with media_file.open_file() as opened:
                content = opened.read()
            assert media_file.file_size == len(content), media_file.title
            assert media_file.file_hash == hashlib.sha1(content).hexdigest(), media_file.title


def test_culture_heritage_promos_are_the_seed_s_four_kinds():
    culture = theme("culture-patrimoine")

    promos = {block.block_type: block.value for block in culture.promos}
    assert set(promos) == {"publication_series", "call_to_action", "event", "related_themes"}

    series = promos["publication_series"]
    assert series["heading"].startswith("Découvrez Raisonnance")
    # The series' own listing: every theme's Raisonnance, and nothing else.
    assert series["link"]["url"] == "/publications/?type=raisonnance"
    assert series["link"]["label"] == "Tous les numéros de Raisonnance"

    call_to_action = promos["call_to_action"]
    assert call_to_action["heading"] == "Collaborer"
    assert "Secrétariat" in call_to_action["text"]
    assert call_to_action["link"]["page"].live

    event = promos["event"]
    assert event["heading"] == "PARIS 2023"
    assert "98e réunion du Bureau" in event["event"]
    assert (event["start_date"], event["end_date"]) == (date(2023, 4, 27), date(2023, 4, 29))
    assert event["tagline"] == "Gouvernance locale, impact global !"

    assert [page.slug for page in promos["related_themes"]["themes"]] == ["gouvernance-locale"]


def test_demo_promos_pass_the_validation_the_admin_applies():

    for slug in ("culture-patrimoine", "gouvernance-locale"):
        promos = theme(slug).promos
        promos.stream_block.clean(promos)


def test_privacy_policy_says_what_the_newsletter_keeps_and_for_how_long():

    privacy = StandardPage.objects.child_of(HomePage.objects.get()).get(
        slug="politique-de-confidentialite"
    )
    assert privacy.title == "Politique de confidentialité"
    text = " ".join(str(block.value) for block in privacy.body)
    for fact in ("Paris", "version exacte", "adresse IP", "30 jours", "3 ans", "CNIL"):
        assert fact in text, fact
    # No open or click tracking, said in so many words, and nothing that implies one.
    assert "ni pixel de suivi ni lien de redirection" in text
    assert escape("si vous l'ouvrez") in text
    assert escape("n'ouvrez") not in text


def test_privacy_policy_names_contact_messages_and_how_long_they_are_kept(settings):

    privacy = StandardPage.objects.get(slug="politique-de-confidentialite")
    text = " ".join(str(block.value) for block in privacy.body)
    assert "Ce que nous enregistrons quand vous nous écrivez" in text
    for kept in ("votre nom", "votre adresse électronique", "le texte du message"):
        assert kept in text, kept
    # The period the purge applies (contact_purge, CONTACT_RETENTION_DAYS).
    assert settings.CONTACT_RETENTION_DAYS == 365
    assert "supprimé un an après sa réception" in text


def test_the_accessibility_statement_follows_the_rgaa_model_and_every_footer_links_it(client):
    statement = StandardPage.objects.child_of(HomePage.objects.get()).get(
        slug="declaration-accessibilite"
    )
    assert statement.title == "Déclaration d'accessibilité" and statement.live
    text = " ".join(str(block.value) for block in statement.body)
    for heading in (
        "État de conformité",
        "Contenus non accessibles",
        "Retour d'information et contact",
        "Voies de recours",
    ):
        assert f"<h2>{escape(heading)}</h2>" in text, heading
    assert "non conforme" in text and "Défenseur des droits" in text
    for url in ("/", theme("culture-patrimoine").url, "/recherche/?q=patrimoine", "/nulle-part/"):
        footer = client.get(url).content.decode().split('<footer class="site-footer"')[1]
        assert f'href="{statement.url}"' in footer, url


def test_a_second_run_duplicates_nothing_and_adds_no_revision():
    first = row_counts()

    output = load_demo_content()

    assert row_counts() == first
    assert "pages créées" not in output and "pages mises à jour" not in output


def test_the_series_promo_opens_a_listing_of_that_series_only(client):
    html = client.get("/culture-patrimoine/").content.decode()
    assert '<a class="promo__link" href="/publications/?type=raisonnance">' in html
    listing = client.get("/publications/?type=raisonnance").content.decode()
    shown = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', listing)
    raisonnance = PublicationPage.objects.filter(kind=PublicationPage.Kind.RAISONNANCE)
    assert sorted(shown) == sorted(raisonnance.values_list("title", flat=True))


def test_a_later_run_never_undoes_an_editors_work():
    """`make run` loads the demo at every start: edited, unpublished and deleted demo content
    and saved settings stay as the editors left them; only missing pages come back."""
    culture = theme("culture-patrimoine")
    edited = children(NewsPage, culture).first()
    edited.title = "Titre choisi par la rédaction"
    edited.save_revision().publish()
    withdrawn = children(ActionPage, culture).first()
    withdrawn.unpublish()
    del culture.promos[[block.block_type for block in culture.promos].index("event")]
    culture.save_revision().publish()
    home = HomePage.objects.get()
    home.intro = "<p>Présentation réécrite.</p>"
    home.save_revision().publish()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Pied de page de l'équipe."
    settings.save()
    deleted = children(PublicationPage, culture).last()
    deleted_slug, deleted.title = deleted.slug, deleted.title
    deleted.delete()
    revisions = Revision.objects.count()

    output = load_demo_content()

    edited.refresh_from_db()
    withdrawn.refresh_from_db()
    culture.refresh_from_db()
    assert edited.title == "Titre choisi par la rédaction" and edited.live
    assert not withdrawn.live
    assert "event" not in [block.block_type for block in culture.promos]
    assert HomePage.objects.get().intro == "<p>Présentation réécrite.</p>"
    settings.refresh_from_db()
    assert settings.footer_text == "Pied de page de l'équipe."
    recreated = children(PublicationPage, culture).get(slug=deleted_slug)
    assert recreated.live and recreated.title == deleted.title
    # One revision: the recreated page's; nothing else was written again.
    assert Revision.objects.count() == revisions + 1
    assert "1 pages créées" in output


@pytest.mark.parametrize(
    "slug",
    [
        "proposer-un-projet-de-cooperation",
        "politique-de-confidentialite",
        "declaration-accessibilite",
    ],
)
def test_the_pages_that_say_write_to_us_show_the_addresses(client, slug):
    html = client.get(f"/{slug}/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "9, rue des Halles<br>75001 Paris" in main
    assert 'href="mailto:contact@aimf.example"' in main
    assert 'href="/contact/"' in main


def test_every_demo_page_renders():
    client = Client(HTTP_HOST="localhost")

    urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    for slug in ("culture-patrimoine", "gouvernance-locale", "climat"):
        urls += [f"/{slug}/actualites/", f"/{slug}/actions/", f"/{slug}/publications/"]
    assert len(urls) > 50
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_scale_adds_real_pages_per_kind_and_tops_up_on_a_rerun(admin_client):
    pages_before = Page.objects.count()

    load_demo_content("--scale", "5")
    load_demo_content("--scale", "5")

    assert Page.objects.count() == pages_before + 15
    assert all(not problems for problems in Page.find_problems())
    client = Client(HTTP_HOST="localhost")
    for model in ITEM_MODELS:
        synthetic = model.objects.filter(slug__startswith="demo-scale-")
        assert synthetic.count() == 5
        for item in synthetic:
            parent = item.get_parent().specific
            assert parent.numchild == parent.get_children().count()
            assert item in model.listing_queryset(theme=parent)
            assert client.get(item.url).status_code == 200
            assert item.image.description and item.countries.exists()
        edit_url = reverse("wagtailadmin_pages:edit", args=[synthetic.first().pk])
        assert admin_client.get(edit_url).status_code == 200
    news_item = NewsPage.objects.filter(slug__startswith="demo-scale-").first()
    assert news_item in NewsPage.objects.search(news_item.cities.get().name)


def demo_accounts():
    return get_user_model().objects.filter(username__startswith="demo-")


def printed_passwords(output):
    return dict(re.findall(r"Compte (demo-[a-z]+) \(.+?\) : mot de passe (\S+)", output))


def test_no_demo_account_unless_asked():
    assert not demo_accounts().exists()


def test_with_demo_users_one_account_per_group_with_a_random_password_printed_once():
    output = load_demo_content("--with-demo-users")

    passwords = printed_passwords(output)
    groups = {user.username: [g.name for g in user.groups.all()] for user in demo_accounts()}
    assert groups == {
        "demo-redacteur": ["Rédacteurs"],
        "demo-editeur": ["Éditeurs"],
        "demo-newsletter": ["Newsletter"],
    }
    assert set(passwords) == set(groups)
    assert len(set(passwords.values())) == 3
    for username, password in passwords.items():
        user = get_user_model().objects.get(username=username)
        assert len(password) >= 16 and user.check_password(password)
        assert not user.is_superuser and not user.is_staff

    again = load_demo_content("--with-demo-users")

    assert printed_passwords(again) == {}
    assert again.count("existe déjà, inchangé") == 3
    for username, password in passwords.items():
        assert get_user_model().objects.get(username=username).check_password(password)


def test_the_demo_sets_the_footer_social_links_and_privacy_page():
    html = Client(HTTP_HOST="localhost").get("/").content.decode()
    privacy = StandardPage.objects.get(slug="politique-de-confidentialite")

    footer = html[html.index('<footer class="site-footer">') :]
    assert escape(site.DEMO_FOOTER_TEXT) in footer
    for name, url in site.DEMO_SOCIAL_LINKS:
        assert f'<a href="{url}" rel="me">{name}</a>' in footer
    assert SiteSettings.for_site(Site.objects.get(is_default_site=True)).privacy_page_id == (
        privacy.pk
    )
