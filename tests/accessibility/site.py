"""The smallest public site on which every page type renders with its cards, pictures and
facets, and the address of each page an accessibility or validity check must cover."""

import datetime
import io

from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search import index

from actions.factories import ActionPageFactory
from aimf_portal.demo.media import composition
from aimf_portal.discovery import documents
from aimf_portal.editorial.site_settings import SiteSettings
from aimf_portal.factories import StandardPageFactory, ThemePageFactory
from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from newsletter.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletter.models import Campaign, ConsentText
from newsletter.subscriptions import confirm_subscription, request_subscription
from newsletter.tokens import confirmation_token, preferences_token, unsubscribe_token
from publications.factories import PublicationPageFactory

THEME = "/culture-patrimoine"


def photo(description, width=1000, height=625):
    """A photo wider than every rendition's 1x size: a narrower one would give two srcset
    candidates of the same width (Wagtail never enlarges), which vnu rejects. Its pixels are
    the demo's drawings, so renditions weigh what real pictures weigh."""
    jpeg = io.BytesIO()
    composition(description, (width, height)).convert("RGB").save(jpeg, "JPEG", quality=80)
    jpeg.seek(0)
    return ImageFactory(description=description, file__from_file=jpeg)


def build_public_site():
    """A theme with its hero, promos and items in two countries, a second theme, the privacy
    page, the newsletter's archive with one issue sent, a pending subscriber whose links lead to
    the newsletter pages and a confirmed one whose link leads to their theme choices."""
    theme = ThemePageFactory(title="Culture / Patrimoine", image=photo("Les remparts de Fès"))
    governance = ThemePageFactory(title="Gouvernance locale")
    theme.promos = [
        {"type": "publication_series", "value": {
            "heading": "Raisonnance", "text": "Le cahier de réflexion des maires.",
            "image": photo("").pk,
            "link": {"page": None, "url": f"{THEME}/publications/", "label": "Lire"},
        }},
        {"type": "call_to_action", "value": {
            "heading": "Un projet ?", "text": "L'AIMF accompagne les villes.",
            "link": {"page": None, "url": "https://www.aimf.asso.fr/", "label": "Écrire"},
        }},
        {"type": "event", "value": {
            "heading": "DAKAR 2025", "event": "Assemblée générale", "city": "Dakar",
            "start_date": "2025-11-04", "end_date": "2025-11-06", "tagline": "Des villes",
            "text": "Les maires à Dakar.", "link": {"page": None, "url": "", "label": ""},
        }},
        {"type": "related_themes", "value": {
            "heading": "Thématiques liées", "text": "", "themes": [governance.pk],
        }},
    ]  # fmt: skip
    theme.save()

    for number, country in enumerate(["BJ", "TN", "BJ", "SN"], start=1):
        NewsPageFactory(
            parent=theme,
            title=f"Le patrimoine de la ville, chantier numéro {number}",
            countries=[country],
            cities=["Bohicon"] if country == "BJ" else [],
            image=photo(f"Le chantier numéro {number}"),
            body=[
                {"type": "paragraph", "value": "<h2>Le chantier</h2><p>Les habitants y sont.</p>"},
                {
                    "type": "image",
                    "value": {"image": photo("La place").pk, "caption": "La place."},
                },
                {"type": "quote", "value": {"quote": "Une ville vit.", "attribution": "La maire"}},
            ],
        )
    ActionPageFactory(
        parent=theme,
        title="Restaurer la médina",
        countries=["BJ"],
        cities=["Bohicon", "Nikki"],
        partners=["Ville de Fès", "AIMF"],
        image=photo("La médina"),
    )
    ActionPageFactory(
        parent=theme,
        title="Inventaire des monuments",
        countries=["TN"],
        cities=["Sousse"],
        image=None,
    )
    PublicationPageFactory(
        parent=theme,
        title="Cahier béninois du patrimoine",
        countries=["BJ"],
        date=datetime.date(2024, 3, 1),
        image=photo("La couverture du cahier", width=1000, height=1414),  # a page: portrait
    )
    PublicationPageFactory(
        parent=theme,
        title="Raisonnance sur les villes",
        raisonnance=True,
        countries=["TN"],
        date=datetime.date(2023, 6, 1),
        image=None,
    )
    StandardPageFactory(
        title="Politique de confidentialité",
        slug="politique-de-confidentialite",
        body=[
            {"type": "paragraph", "value": "<h2>Vos droits</h2><p>Écrivez-nous.</p>"},
            {"type": "contact_details", "value": None},
        ],
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "contact@aimf.example"
    site_settings.postal_address = "Secrétariat permanent de l'AIMF\n9, rue des Halles\n75001 Paris"
    site_settings.member_cities = 300
    site_settings.member_countries = 34
    site_settings.save()
    # The factories add countries after saving: index the items again, as publishing them
    # would, so that searches find them with their countries (the search's country facet).
    for item in Page.objects.child_of(theme).specific():
        index.insert_or_update_object(item)
        if documents.enabled():
            documents.refresh(item)
    signup = request_subscription(
        "maire@exemple.org", [theme], ConsentText.current(), "/", "0123456789abcdef"
    )
    confirmed = request_subscription(
        "adjointe@exemple.org", [theme], ConsentText.current(), "/", "0123456789abcdef"
    )
    confirm_subscription(confirmed.subscriber.reference, confirmed.request.pk, "0123456789abcdef")
    issue = NewsletterIssuePageFactory(
        parent=NewsletterIndexPageFactory(), title="Lettre de mars : les villes et l'eau"
    )
    Campaign.objects.create(
        issue=issue,
        subject=issue.title,
        revision=issue.live_revision,
        status=Campaign.Status.SENT,
        started_at=timezone.now(),
        finished_at=timezone.now(),
    )
    return {
        "theme": theme,
        "confirm_token": confirmation_token(signup.request),
        "unsubscribe_token": unsubscribe_token(signup.subscriber),
        "preferences_token": preferences_token(confirmed.subscriber),
        "issue": issue,
    }


def public_pages(site):
    """(name, path, expected status) of every public page type, with and without filters."""
    theme = site["theme"]
    news = theme.get_children().type(NewsPageFactory._meta.model).first()
    action = theme.get_children().type(ActionPageFactory._meta.model).first()
    publication = theme.get_children().type(PublicationPageFactory._meta.model).first()
    return [
        ("accueil", "/", 200),
        ("thématique", f"{THEME}/", 200),
        ("thématique filtrée", f"{THEME}/?pays=bj", 200),
        ("actualités", f"{THEME}/actualites/", 200),
        ("actualités filtrées", f"{THEME}/actualites/?pays=bj", 200),
        ("actions", f"{THEME}/actions/", 200),
        ("actions filtrées", f"{THEME}/actions/?pays=bj", 200),
        ("publications", f"{THEME}/publications/", 200),
        ("publications filtrées", f"{THEME}/publications/?pays=bj&type=rapport&annee=2024", 200),
        ("publications sans résultat", f"{THEME}/publications/?pays=bj&annee=2023", 200),
        ("actualités du site", "/actualites/", 200),
        ("actions du site", "/actions/", 200),
        (
            "publications du site filtrées",
            "/publications/?thematique=culture-patrimoine&pays=bj",
            200,
        ),
        ("actualité", news.url, 200),
        ("action", action.url, 200),
        ("publication", publication.url, 200),
        ("villes membres", "/villes-membres/", 200),
        ("villes membres filtrées", "/villes-membres/?q=o&pays=bj", 200),
        ("villes membres sans résultat", "/villes-membres/?q=introuvable", 200),
        ("villes membres recherche trop longue", f"/villes-membres/?q={'x' * 101}", 400),
        ("ville membre", "/villes-membres/bohicon/", 200),
        ("ville membre sans élément", "/villes-membres/erevan/", 200),
        ("page simple", "/politique-de-confidentialite/", 200),
        ("contact", "/contact/", 200),
        ("contact envoyé", "/contact/merci/", 200),
        ("recherche", "/recherche/?q=patrimoine", 200),
        ("recherche sans résultat", "/recherche/?q=introuvable", 200),
        ("recherche vide", "/recherche/?q=", 200),
        ("newsletter", "/newsletter/", 200),
        ("newsletter merci", "/newsletter/merci/", 200),
        ("newsletter envoi différé", "/newsletter/envoi-differe/", 200),
        ("newsletter renvoyer", "/newsletter/renvoyer/", 200),
        ("newsletter renvoyé", "/newsletter/renvoyer/envoye/", 200),
        ("newsletter confirmée", f"/newsletter/confirmer/{site['confirm_token']}/", 200),
        ("newsletter lien invalide", "/newsletter/confirmer/jeton-invalide/", 400),
        ("newsletter thématiques", f"/newsletter/preferences/{site['preferences_token']}/", 200),
        ("lettre : archive", "/lettre/", 200),
        ("lettre : numéro", site["issue"].url, 200),
        (
            "newsletter désinscription",
            f"/newsletter/desinscription/{site['unsubscribe_token']}/",
            200,
        ),
        ("page introuvable", "/page-qui-n-existe-pas/", 404),
    ]


def form_answers(site):
    """(name, path, posted data, expected status) of the pages a form post leads to."""
    return [
        ("contact en erreur", "/contact/", {"email": "pas-une-adresse"}, 400),
        ("newsletter formulaire en erreur", "/newsletter/", {"email": "pas-une-adresse"}, 400),
        ("newsletter renvoi en erreur", "/newsletter/renvoyer/", {"email": ""}, 400),
        (
            "newsletter inscription confirmée",
            f"/newsletter/confirmer/{site['confirm_token']}/",
            {},
            200,
        ),
        (
            "newsletter désinscrit",
            f"/newsletter/desinscription/{site['unsubscribe_token']}/",
            {},
            200,
        ),
    ]
