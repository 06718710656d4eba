"""What the demo site says, written from the association's public pages.

The facts of the "Culture / Patrimoine" theme (twinnings, the Hué meeting, Bohicon, Sousse, Nikki,
Raisonnance n° 17…) come from the association's own theme page; the texts are ours. Items the
association never published are plausible examples: publications among them are flagged
`is_demo` so editors can find and remove them before going live.

Everything here is plain data. `site.py` turns it into pages, `media.py` into pictures and PDFs.
Slugs are the keys that make reloading idempotent: change a title freely, never a slug.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify

from actions.models import ActionPage
from publications.models import PublicationPage

AIMF_WEBSITE = "https://www.aimf.asso.fr/"


@dataclass(frozen=True)
class Illustration:
    """A picture drawn for the media library; its title is its key there."""

    title: str
    alt_text: str
    caption: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str


@dataclass(frozen=True)
class Figure:
    illustration: Illustration
    caption: str


@dataclass(frozen=True)
class Section:
    """A titled part of a plain page: a heading, its paragraphs, then an optional list, then
    the association's addresses (the « Coordonnées » block, from the site settings) if asked."""

    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()
    contact_details: bool = False


@dataclass(frozen=True)
class Partner:
    name: str
    url: str = ""


@dataclass(frozen=True)
class NewsItem:
    slug: str
    title: str
    date: date
    city: str
    country_codes: tuple[str, ...]
    teaser: str
    # Plain-text paragraphs, quotes and figures, in reading order.
    body: tuple[str | Quote | Figure, ...]
    illustration: Illustration


@dataclass(frozen=True)
class Action:
    slug: str
    title: str
    city: str
    country_codes: tuple[str, ...]
    status: str
    start_date: date
    end_date: date | None
    teaser: str
    body: tuple[str | Quote | Figure, ...]
    illustration: Illustration
    partners: tuple[Partner, ...]


@dataclass(frozen=True)
class Publication:
    slug: str
    title: str
    kind: str
    issue_number: int | None
    date: date
    country_codes: tuple[str, ...]
    teaser: str
    contents: tuple[str, ...]
    is_demo: bool

    @property
    def series_label(self):
        """The line above the title on the cover: "Raisonnance n° 17", "Guide"…"""
        label = PublicationPage.Kind(self.kind).label
        return f"{label} n° {self.issue_number}" if self.issue_number else label

    @property
    def illustration(self):
        return Illustration(
            title=f"Couverture – {self.series_label} – {self.title}",
            alt_text=f"Couverture de la publication « {self.title} » ({self.series_label})",
            caption=f"{self.series_label} – {self.title}",
        )


@dataclass(frozen=True)
class PublicationSeriesPromo:
    """Links to the publications listing filtered on its series (a publication kind); its cover
    is a publication's."""

    heading: str
    text: str
    link_label: str
    cover_slug: str
    kind: str


@dataclass(frozen=True)
class CallToActionPromo:
    heading: str
    text: str
    link_label: str
    standard_page_slug: str


@dataclass(frozen=True)
class EventPromo:
    heading: str
    event: str
    city: str
    start_date: date
    end_date: date
    tagline: str
    text: str
    link_label: str
    news_theme_slug: str
    news_slug: str


@dataclass(frozen=True)
class RelatedThemesPromo:
    heading: str
    text: str
    theme_titles: tuple[str, ...]


Promo = PublicationSeriesPromo | CallToActionPromo | EventPromo | RelatedThemesPromo


@dataclass(frozen=True)
class Theme:
    title: str
    intro: str
    news: tuple[NewsItem, ...] = ()
    actions: tuple[Action, ...] = ()
    publications: tuple[Publication, ...] = ()
    promos: tuple[Promo, ...] = ()

    @property
    def slug(self):
        return slugify(self.title)

    @property
    def illustration(self):
        return Illustration(
            title=f"Thématique – {self.title}",
            alt_text=f"Composition graphique aux couleurs de la thématique « {self.title} »",
            caption=self.title,
        )


@dataclass(frozen=True)
class StandardPageContent:
    slug: str
    title: str
    intro: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


HOME_INTRO = (
    "<p>Fondée à Québec en 1979, l'Association internationale des maires francophones (AIMF) "
    "réunit des villes d'Afrique, d'Europe, des Amériques et d'Asie qui ont le français en "
    "partage. Opérateur de la Francophonie, elle finance et accompagne des projets municipaux "
    "concrets : eau et assainissement, état civil, santé, patrimoine.</p>"
    "<p>Parcourez ses thématiques pour découvrir les actualités du réseau, les projets menés "
    "avec les villes et les publications qui en tirent les leçons.</p>"
)

# --- Culture / Patrimoine: the seed's news, actions and publications ----------------------

QUEBEC_NAMUR = NewsItem(
    slug="quebec-namur-place-de-namur",
    title="Québec et Namur : 25 ans de jumelage et bientôt une Place de Namur",
    date=date(2025, 11, 14),
    city="Québec",
    country_codes=("CA", "BE"),
    teaser=(
        "Jumelées depuis un quart de siècle, Québec et Namur ont fêté leurs 25 ans d'amitié en "
        "2024. Leur coopération prendra bientôt forme au cœur du Vieux-Québec, avec "
        "l'aménagement d'une Place de Namur."
    ),
    body=(
        "En 2024, Québec et Namur ont célébré le 25e anniversaire de leur jumelage. Un quart de "
        "siècle d'échanges entre élus, services municipaux, artistes et habitants a tissé entre "
        "la capitale nationale du Québec et la capitale de la Wallonie une relation que les deux "
        "villes veulent désormais inscrire dans l'espace public.",
        "L'annonce en a été faite lors de la visite à Québec d'une délégation namuroise : une "
        "Place de Namur sera créée dans le Vieux-Québec, quartier inscrit au patrimoine mondial "
        "de l'UNESCO. Son aménagement mettra à l'honneur les arts et les traits communs qui "
        "rapprochent les deux villes.",
        "Pour l'AIMF, ce projet montre ce que les jumelages peuvent produire de plus durable : "
        "un lieu partagé, ancré dans la vie quotidienne des habitants, qui rappellera aux "
        "générations suivantes les liens noués entre deux villes francophones.",
    ),
    illustration=Illustration(
        title="Actualité – Québec et Namur, la future Place de Namur",
        alt_text="Illustration : la Place de Namur, future vitrine du jumelage entre Québec "
        "et Namur dans le Vieux-Québec",
        caption="Québec – Namur",
    ),
)

CAMEROON_VISIT = NewsItem(
    slug="aimf-cameroun-mission-mai-2025",
    title="L'AIMF et le Cameroun, un partenariat au long cours",
    date=date(2025, 5, 30),
    city="Yaoundé",
    country_codes=("CM",),
    teaser=(
        "Du 17 au 25 mai 2025, le Délégué général de l'AIMF s'est rendu au Cameroun, l'un des "
        "pays où l'association investit le plus, pour faire le point sur les coopérations en "
        "cours avec les villes."
    ),
    body=(
        "Sur le plan institutionnel comme à travers les projets conduits avec les communes, le "
        "Cameroun compte parmi les pays où les partenariats de l'AIMF sont les plus aboutis, et "
        "parmi ceux où l'association investit le plus.",
        "Du 17 au 25 mai 2025, la visite du Délégué général de l'AIMF a permis de dresser, avec "
        "les maires et leurs équipes, l'état des coopérations en cours, d'en préciser les "
        "prochaines étapes et de recenser les besoins d'accompagnement des services municipaux.",
        "Elle a aussi été l'occasion de revenir sur les réalisations marquantes menées ensemble, "
        "qui témoignent de la capacité des villes camerounaises à porter des projets "
        "structurants au service de leurs habitants.",
    ),
    illustration=Illustration(
        title="Actualité – Mission de l'AIMF au Cameroun, mai 2025",
        alt_text="Illustration : la mission du Délégué général de l'AIMF auprès des villes "
        "du Cameroun en mai 2025",
        caption="AIMF – Cameroun",
    ),
)

MONTPELLIER_FES = NewsItem(
    slug="montpellier-fes-nouveau-protocole-de-jumelage",
    title="Montpellier et Fès relancent leur jumelage",
    date=date(2025, 7, 8),
    city="Fès",
    country_codes=("FR", "MA"),
    teaser=(
        "Liées depuis 2003, Montpellier et Fès ont signé un nouveau protocole de jumelage. "
        "Culture, université, économie et patrimoine : les deux villes veulent donner un "
        "nouvel élan à leur coopération."
    ),
    body=(
        "Les villes de Montpellier et de Fès entretiennent des liens depuis 2003. Elles viennent "
        "de signer un nouveau protocole de jumelage, destiné à approfondir et à élargir une "
        "coopération de plus de vingt ans.",
        "Cette relance s'organise autour de projets culturels, universitaires, économiques et "
        "patrimoniaux. Elle repose sur une volonté commune de faire vivre le jumelage au-delà "
        "des rencontres officielles, en associant les acteurs de terrain des deux rives de la "
        "Méditerranée.",
        "Fès, dont la médina est inscrite au patrimoine mondial de l'UNESCO, et Montpellier, "
        "ville universitaire de longue tradition, ont des atouts complémentaires : restauration "
        "du bâti ancien, échanges d'étudiants et de chercheurs, projets communs entre acteurs "
        "culturels.",
    ),
    illustration=Illustration(
        title="Actualité – Montpellier et Fès, nouveau protocole de jumelage",
        alt_text="Illustration : le jumelage entre Montpellier et Fès, relancé par un nouveau "
        "protocole",
        caption="Montpellier – Fès",
    ),
)

HUE_PERFUME_RIVER = Illustration(
    title="Hué, au bord de la rivière des Parfums",
    alt_text="Illustration : Hué, ancienne capitale impériale, au bord de la rivière des Parfums",
    caption="Hué, rivière des Parfums",
)

HUE_MAYORS_MEETING = NewsItem(
    slug="hue-400-maires-35-pays",
    title="À Hué, 400 maires de 35 pays réunis autour de la résilience",
    date=date(2025, 10, 31),
    city="Hué",
    country_codes=("VN",),
    teaser=(
        "Du 27 au 30 octobre 2025, 400 maires et représentants de gouvernements locaux venus "
        "de 35 pays se sont retrouvés à Hué, ville historique très engagée face aux enjeux de "
        "résilience climatique."
    ),
    body=(
        "Du 27 au 30 octobre 2025, 400 maires et représentants des gouvernements locaux, venus "
        "de 35 pays, se sont réunis à Hué (Vietnam) à l'invitation du Président du Comité "
        "populaire de la ville, M. Nguyễn Văn Phương.",
        Figure(
            illustration=HUE_PERFUME_RIVER,
            caption="Hué, ancienne capitale impériale, au bord de la rivière des Parfums.",
        ),
        "Ancienne capitale impériale dont les monuments sont inscrits au patrimoine mondial, "
        "Hué est aussi une ville très mobilisée sur la résilience climatique. Ce double visage "
        "en faisait un lieu naturel pour parler de la protection du patrimoine face aux risques "
        "naturels.",
        "Les délégations ont confronté leurs expériences et partagé les solutions mises en "
        "œuvre dans leurs villes, dans l'esprit de coopération concrète qui fait la marque du "
        "réseau de l'AIMF.",
    ),
    illustration=Illustration(
        title="Actualité – Rencontre des maires à Hué, octobre 2025",
        alt_text="Illustration : la rencontre de 400 maires venus de 35 pays à Hué, en octobre "
        "2025",
        caption="Hué 2025",
    ),
)

CASABLANCA_MUSEUM = NewsItem(
    slug="casablanca-musee-de-la-memoire-villa-carl-ficke",
    title="Casablanca inaugure son Musée de la Mémoire dans la Villa Carl Ficke",
    date=date(2025, 3, 3),
    city="Casablanca",
    country_codes=("MA",),
    teaser=(
        "Transformée en Musée de la Mémoire de Casablanca, la Villa Carl Ficke a été inaugurée "
        "le jeudi 27 février 2025. Ce nouveau lieu culturel met en valeur le patrimoine et "
        "l'histoire de la ville."
    ),
    body=(
        "La Villa Carl Ficke, devenue Musée de la Mémoire de Casablanca, a été inaugurée le "
        "jeudi 27 février 2025, en présence de plusieurs personnalités, dont le ministre de la "
        "Jeunesse, de la Culture et de la Communication, M. Mohamed Mehdi Bensaid, et le wali de "
        "la région Casablanca-Settat.",
        "Ce nouvel espace culturel valorise le patrimoine de la ville. En donnant une nouvelle "
        "vie à une demeure historique, Casablanca offre à ses habitants et à ses visiteurs un "
        "lieu où sa mémoire se transmet.",
        "Reconvertir un bâtiment ancien en équipement culturel est un choix que partagent de "
        "nombreuses villes du réseau de l'AIMF : il préserve le bâti, crée un lieu de vie et "
        "renforce l'attractivité du quartier.",
    ),
    illustration=Illustration(
        title="Actualité – Musée de la Mémoire de Casablanca",
        alt_text="Illustration : la Villa Carl Ficke, devenue Musée de la Mémoire de Casablanca",
        caption="Casablanca – Villa Carl Ficke",
    ),
)

HUE_TOURISM_YEAR = NewsItem(
    slug="hue-annee-nationale-du-tourisme-2025",
    title="Hué, ville hôte de l'Année nationale du tourisme 2025",
    date=date(2025, 1, 6),
    city="Hué",
    country_codes=("VN",),
    teaser=(
        "Le 1er janvier 2025, le Comité populaire de Hué a annoncé l'Année nationale du "
        "tourisme 2025 et le Festival de Hué, sous le thème « Hue – ancienne capitale, nouvelle "
        "opportunité »."
    ),
    body=(
        "Le Comité populaire de la ville de Hué a annoncé le 1er janvier 2025 l'organisation de "
        "l'Année nationale du tourisme 2025, ainsi que celle du Festival de Hué.",
        Quote(
            text="Hue – ancienne capitale, nouvelle opportunité",
            attribution="Thème de l'Année nationale du tourisme 2025",
        ),
        "Le programme vise à renforcer les liens entre les acteurs du tourisme et à stimuler "
        "le développement de la ville, en s'appuyant sur la richesse d'un patrimoine reconnu "
        "par l'UNESCO.",
        "L'événement montre la place que Hué donne à la culture dans sa stratégie de "
        "développement, une démarche qui fait écho aux priorités de nombreuses villes membres "
        "de l'AIMF.",
    ),
    illustration=Illustration(
        title="Actualité – Hué, Année nationale du tourisme 2025",
        alt_text="Illustration : Hué, ville hôte de l'Année nationale du tourisme 2025 au Vietnam",
        caption="Hué – Tourisme 2025",
    ),
)

AIMF_PARTNER = Partner("Association internationale des maires francophones", AIMF_WEBSITE)

BOHICON_MUSEUM = Action(
    slug="bohicon-complexe-museal-art-contemporain",
    title="Bohicon : un complexe muséal d'art contemporain et de rencontre internationale",
    city="Bohicon",
    country_codes=("BJ",),
    status=ActionPage.Status.ONGOING,
    start_date=date(2024, 1, 15),
    end_date=date(2026, 12, 31),
    teaser=(
        "Ville carrefour au cœur du Bénin, Bohicon crée un complexe muséal d'art contemporain "
        "et de rencontre internationale, pour valoriser son patrimoine culturel et ouvrir de "
        "nouvelles perspectives de développement."
    ),
    body=(
        "Ville carrefour au cœur du Bénin, voisine d'Abomey et de ses palais royaux, Bohicon "
        "franchit une étape clé de son développement avec la création d'un complexe muséal "
        "d'art contemporain et de rencontre internationale.",
        "Porté par la municipalité, ce projet ambitieux valorise le patrimoine culturel local "
        "tout en ouvrant de nouvelles perspectives au développement économique et social de la "
        "ville et de sa région : accueil d'artistes et de publics, activités pour les jeunes, "
        "retombées pour le commerce et l'artisanat.",
        "L'AIMF accompagne la commune dans la conception et le financement de l'équipement, et "
        "dans la préparation de son fonctionnement une fois ouvert au public.",
    ),
    illustration=Illustration(
        title="Action – Complexe muséal de Bohicon",
        alt_text="Illustration : le futur complexe muséal d'art contemporain de Bohicon, au Bénin",
        caption="Bohicon – Art contemporain",
    ),
    partners=(AIMF_PARTNER, Partner("Commune de Bohicon")),
)

SOUSSE_BAB_JEDID = Action(
    slug="sousse-rehabilitation-centre-bab-jedid",
    title="Sousse : réhabilitation du Centre Bab Jedid pour l'animation sociale",
    city="Sousse",
    country_codes=("TN",),
    status=ActionPage.Status.COMPLETED,
    start_date=date(2021, 9, 1),
    end_date=date(2024, 6, 30),
    teaser=(
        "Dans son Programme de développement urbain intégré, Sousse a fait de la revitalisation "
        "de son centre-ville une priorité. La réhabilitation du Centre Bab Jedid allie "
        "patrimoine architectural et projet socio-culturel."
    ),
    body=(
        "En élaborant son PDUI, le Programme de développement urbain intégré, la ville de "
        "Sousse a identifié la revitalisation de son centre-ville comme un enjeu clé de son "
        "développement.",
        "La réhabilitation du Centre Bab Jedid pour l'animation sociale s'inscrit dans cette "
        "démarche : elle combine la mise en valeur du patrimoine architectural, aux portes d'une "
        "médina inscrite au patrimoine mondial de l'UNESCO, et un projet socio-culturel ouvert "
        "aux habitants du quartier.",
        "Le bâtiment restauré accueille des activités pour les jeunes et les associations, et "
        "redonne vie à un lieu qui fait partie de la mémoire de la ville.",
    ),
    illustration=Illustration(
        title="Action – Centre Bab Jedid de Sousse",
        alt_text="Illustration : le Centre Bab Jedid de Sousse, réhabilité pour l'animation "
        "sociale",
        caption="Sousse – Bab Jedid",
    ),
    partners=(AIMF_PARTNER, Partner("Ville de Sousse")),
)

NIKKI_TOURISM = Action(
    slug="nikki-equipements-touristiques",
    title="Nikki : des équipements pour faire du tourisme un levier de développement",
    city="Nikki",
    country_codes=("BJ",),
    status=ActionPage.Status.PLANNED,
    start_date=date(2025, 9, 1),
    end_date=None,
    teaser=(
        "La commune béninoise de Nikki a fait du tourisme un levier clé de son développement. "
        "Pour atteindre ses objectifs, elle doit renforcer ses équipements et ses services "
        "économiques et sociaux."
    ),
    body=(
        "Pour la commune de Nikki, le secteur touristique a clairement été identifié comme un "
        "levier de développement clé du territoire, porté notamment par la renommée de la fête "
        "de la Gaani.",
        "Le défi, pour la commune béninoise, est de renforcer ses équipements ainsi que ses "
        "services économiques et sociaux, afin d'accueillir les visiteurs dans de bonnes "
        "conditions et d'atteindre les objectifs qu'elle s'est fixés.",
        "Le projet, en préparation avec l'AIMF, définit les équipements prioritaires et la "
        "manière dont la commune les gérera avec les acteurs locaux du tourisme.",
    ),
    illustration=Illustration(
        title="Action – Équipements touristiques de Nikki",
        alt_text="Illustration : les équipements touristiques prévus à Nikki, au Bénin",
        caption="Nikki – Tourisme",
    ),
    partners=(AIMF_PARTNER, Partner("Commune de Nikki")),
)

RAISONNANCE_GENDER_HEALTH = Publication(
    slug="raisonnance-17-genre-et-sante",
    title="Genre et Santé",
    kind=PublicationPage.Kind.RAISONNANCE,
    issue_number=17,
    date=date(2023, 6, 20),
    country_codes=("SN", "CM", "BJ", "BF"),
    teaser=(
        "Ce numéro de Raisonnance interroge la place des femmes dans les politiques municipales "
        "de santé : accès aux soins, prévention, participation des femmes aux décisions locales."
    ),
    contents=(
        "Pourquoi la santé publique locale a besoin d'un regard sur le genre",
        "Des maires témoignent : centres de santé, maternités, prévention",
        "Les femmes élues et la décision municipale",
    ),
    is_demo=False,
)

RAISONNANCE_CITY_DIPLOMACY = Publication(
    slug="raisonnance-diplomatie-des-villes",
    title="La diplomatie des villes",
    kind=PublicationPage.Kind.RAISONNANCE,
    # The association's page names this issue without its number; an editor adds it.
    issue_number=None,
    date=date(2024, 4, 16),
    country_codes=("FR", "CA", "BE", "VN"),
    teaser=(
        "Jumelages, réseaux, plaidoyer : ce cahier explore la manière dont les maires "
        "francophones font entendre la voix des villes sur la scène internationale."
    ),
    contents=(
        "De la coopération entre villes à la diplomatie des villes",
        "Le plaidoyer des réseaux de collectivités",
        "Regards de maires sur leur action internationale",
    ),
    is_demo=False,
)

RAISONNANCE_HERITAGE = Publication(
    slug="raisonnance-15-patrimoine-et-developpement-local",
    title="Le patrimoine, moteur du développement local",
    kind=PublicationPage.Kind.RAISONNANCE,
    issue_number=15,
    date=date(2022, 4, 12),
    country_codes=("BJ", "TN", "MA"),
    teaser=(
        "Restaurer une médina, ouvrir un musée, faire revivre un marché ancien : ce cahier "
        "montre comment le patrimoine devient une ressource pour l'emploi et l'attractivité."
    ),
    contents=(
        "Le patrimoine, une charge ou une ressource ?",
        "Centres anciens : habiter, commercer, visiter",
        "Financer la restauration du bâti",
    ),
    is_demo=True,
)

RAISONNANCE_URBAN_CULTURE = Publication(
    slug="raisonnance-16-cultures-urbaines-et-jeunesse",
    title="Cultures urbaines et jeunesse",
    kind=PublicationPage.Kind.RAISONNANCE,
    issue_number=16,
    date=date(2022, 10, 5),
    country_codes=("SN", "CI", "FR"),
    teaser=(
        "Musique, danse, arts de la rue : les cultures urbaines donnent la parole aux jeunes. "
        "Des maires expliquent comment leur ville les accueille et les soutient."
    ),
    contents=(
        "Les cultures urbaines, une chance pour les villes",
        "Lieux, festivals, formations : ce que peuvent faire les communes",
    ),
    is_demo=True,
)

HISTORIC_CENTRES_REPORT = Publication(
    slug="rapport-rehabiliter-les-centres-historiques",
    title="Réhabiliter les centres historiques : enseignements de projets municipaux",
    kind=PublicationPage.Kind.REPORT,
    issue_number=None,
    date=date(2024, 9, 30),
    country_codes=("TN", "MA", "VN"),
    teaser=(
        "Ce rapport tire les leçons de projets de réhabilitation conduits dans des centres "
        "anciens, de la conception à la gestion des bâtiments restaurés."
    ),
    contents=(
        "Diagnostic du bâti et concertation avec les habitants",
        "Montages financiers et maîtrise d'ouvrage communale",
        "Faire vivre les lieux après les travaux",
    ),
    is_demo=True,
)

MUNICIPAL_MUSEUM_GUIDE = Publication(
    slug="guide-creer-un-musee-municipal",
    title="Créer un musée municipal : guide pratique",
    kind=PublicationPage.Kind.GUIDE,
    issue_number=None,
    date=date(2025, 3, 20),
    country_codes=("BJ", "CM", "SN", "CI"),
    teaser=(
        "Du projet scientifique à l'ouverture au public, les étapes pour créer un musée "
        "municipal et assurer son fonctionnement dans la durée."
    ),
    contents=(
        "Définir le projet et ses publics",
        "Bâtiment, collections, équipe : les choix structurants",
        "Budget de fonctionnement et partenariats",
    ),
    is_demo=True,
)

HUE_PROCEEDINGS = Publication(
    slug="actes-rencontre-des-maires-hue-2025",
    title="Patrimoine et résilience : actes de la rencontre des maires à Hué",
    kind=PublicationPage.Kind.PROCEEDINGS,
    issue_number=None,
    date=date(2025, 12, 10),
    country_codes=("VN", "KH", "LA", "FR"),
    teaser=(
        "Les interventions et les échanges de la rencontre qui a réuni à Hué, en octobre 2025, "
        "des maires et représentants de gouvernements locaux venus de 35 pays."
    ),
    contents=(
        "Ouverture de la rencontre",
        "Protéger le patrimoine face aux risques climatiques",
        "Recommandations des maires",
    ),
    is_demo=True,
)

TWINNING_STUDY = Publication(
    slug="etude-jumelages-et-cooperation-culturelle",
    title="Jumelages et coopération culturelle entre villes francophones",
    kind=PublicationPage.Kind.STUDY,
    issue_number=None,
    date=date(2023, 11, 7),
    country_codes=("FR", "CA", "BE", "MA"),
    teaser=(
        "Une étude des jumelages entre villes francophones : ce qu'ils produisent dans le "
        "domaine culturel et ce qui les fait durer."
    ),
    contents=(
        "Panorama des jumelages du réseau",
        "Culture et patrimoine, premiers terrains d'échange",
        "Conditions de réussite d'un jumelage durable",
    ),
    is_demo=True,
)

CULTURAL_TOURISM_REPORT = Publication(
    slug="rapport-tourisme-culturel-et-emploi-local",
    title="Tourisme culturel et emploi local en Afrique de l'Ouest",
    kind=PublicationPage.Kind.REPORT,
    issue_number=None,
    date=date(2024, 1, 25),
    country_codes=("BJ", "SN", "BF", "TG"),
    teaser=(
        "Festivals, sites historiques, artisanat : ce rapport mesure ce que le tourisme "
        "culturel apporte aux économies locales et ce que les communes peuvent faire pour "
        "qu'il profite aux habitants."
    ),
    contents=(
        "Le tourisme culturel dans les villes d'Afrique de l'Ouest",
        "Emplois directs et indirects",
        "Le rôle des communes",
    ),
    is_demo=True,
)

# --- Gouvernance locale ------------------------------------------------------------------

PARIS_2023_BUREAU = NewsItem(
    slug="paris-2023-98e-reunion-du-bureau",
    title="PARIS 2023 : le Bureau de l'AIMF réuni autour de la gouvernance locale",
    date=date(2023, 5, 3),
    city="Paris",
    country_codes=("FR",),
    teaser=(
        "Du 27 au 29 avril 2023, Paris a accueilli la 98e réunion du Bureau de l'AIMF, sous le "
        "thème « Gouvernance locale, impact global ! »."
    ),
    body=(
        "Du 27 au 29 avril 2023, les maires membres du Bureau de l'Association internationale "
        "des maires francophones se sont retrouvés à Paris pour la 98e réunion de cette "
        "instance.",
        Quote(text="Gouvernance locale, impact global !", attribution="Thème de PARIS 2023"),
        "Ce thème résume une conviction de l'association : les décisions prises au plus près "
        "des habitants, sur l'eau, la santé, l'état civil ou l'aménagement, pèsent sur les "
        "grands défis mondiaux.",
        "Les réunions du Bureau orientent l'action de l'association et les projets de "
        "coopération qu'elle soutient ; elles sont aussi l'occasion d'échanges directs entre "
        "maires de tous les continents.",
    ),
    illustration=Illustration(
        title="Actualité – PARIS 2023, 98e réunion du Bureau",
        alt_text="Illustration : PARIS 2023, la 98e réunion du Bureau de l'AIMF",
        caption="PARIS 2023",
    ),
)

CIVIL_REGISTRATION_NEWS = NewsItem(
    slug="etat-civil-premier-service-aux-habitants",
    title="État civil : un registre fiable, premier service rendu aux habitants",
    date=date(2024, 10, 15),
    city="Antananarivo",
    country_codes=("MG", "CM"),
    teaser=(
        "Sans acte de naissance, pas d'inscription à l'école ni de papiers d'identité. La "
        "modernisation de l'état civil est l'un des chantiers de gouvernance locale que l'AIMF "
        "soutient auprès des communes."
    ),
    body=(
        "Un enfant dont la naissance n'est pas enregistrée aura du mal, plus tard, à s'inscrire "
        "à l'école, à obtenir des papiers d'identité ou à voter. Tenir un état civil fiable est "
        "l'un des premiers services qu'une commune rend à ses habitants.",
        "L'AIMF aide les villes à numériser leurs registres, à former les agents et à "
        "rapprocher les centres d'enregistrement des quartiers. Les données fiables qui en "
        "résultent servent aussi à planifier les écoles, les centres de santé et les "
        "équipements.",
    ),
    illustration=Illustration(
        title="Actualité – Modernisation de l'état civil",
        alt_text="Illustration : des registres d'état civil numérisés au service des habitants",
        caption="État civil",
    ),
)

ANTANANARIVO_CIVIL_REGISTRY = Action(
    slug="antananarivo-modernisation-etat-civil",
    title="Antananarivo : moderniser l'état civil communal",
    city="Antananarivo",
    country_codes=("MG",),
    status=ActionPage.Status.ONGOING,
    start_date=date(2024, 2, 1),
    end_date=date(2026, 6, 30),
    teaser=(
        "Numériser les registres, équiper les bureaux d'arrondissement et former les agents : "
        "un projet pour que chaque naissance soit enregistrée et chaque acte délivré "
        "rapidement."
    ),
    body=(
        "Des registres anciens abîmés, des délais de délivrance trop longs : la commune a fait "
        "de la modernisation de son état civil une priorité.",
        "Le projet numérise les registres existants, équipe les bureaux d'arrondissement et "
        "forme les agents aux nouveaux outils, pour que chaque naissance soit enregistrée et "
        "que les actes soient délivrés rapidement.",
    ),
    illustration=Illustration(
        title="Action – État civil d'Antananarivo",
        alt_text="Illustration : la modernisation de l'état civil de la commune d'Antananarivo",
        caption="Antananarivo – État civil",
    ),
    partners=(AIMF_PARTNER, Partner("Commune urbaine d'Antananarivo")),
)

PARIS_2023_PROCEEDINGS = Publication(
    slug="actes-paris-2023-gouvernance-locale-impact-global",
    title="Gouvernance locale, impact global ! Actes des rencontres de Paris 2023",
    kind=PublicationPage.Kind.PROCEEDINGS,
    issue_number=None,
    date=date(2023, 9, 15),
    country_codes=("FR", "SN", "CI", "CA"),
    teaser=(
        "Les échanges des maires réunis à Paris en avril 2023 pour la 98e réunion du Bureau de "
        "l'AIMF, autour du rôle des villes face aux défis mondiaux."
    ),
    contents=(
        "Ouverture des travaux",
        "Villes et défis mondiaux : témoignages de maires",
        "Orientations adoptées",
    ),
    is_demo=True,
)

LOCAL_BUDGET_GUIDE = Publication(
    slug="guide-piloter-le-budget-communal",
    title="Piloter le budget communal : guide de l'élu local",
    kind=PublicationPage.Kind.GUIDE,
    issue_number=None,
    date=date(2024, 6, 10),
    country_codes=("BJ", "BF", "NE"),
    teaser=(
        "Préparer, voter, exécuter et rendre compte : un guide pour aider les élus à piloter le "
        "budget de leur commune en toute transparence."
    ),
    contents=(
        "Le cycle budgétaire communal",
        "Mobiliser les ressources propres",
        "Rendre compte aux habitants",
    ),
    is_demo=True,
)

# --- Promos --------------------------------------------------------------------------------

COOPERATION_PAGE_SLUG = "proposer-un-projet-de-cooperation"

RAISONNANCE_PROMO = PublicationSeriesPromo(
    heading="Découvrez Raisonnance, le Cahier de réflexion des Maires francophones",
    text=(
        "Chaque numéro de Raisonnance croise les regards de maires et d'experts sur un enjeu de "
        "l'action municipale, à partir de projets menés dans les villes du réseau."
    ),
    link_label="Tous les numéros de Raisonnance",
    cover_slug=RAISONNANCE_GENDER_HEALTH.slug,
    kind="raisonnance",
)

COLLABORATE_PROMO = CallToActionPromo(
    heading="Collaborer",
    text=(
        "Votre ville porte un projet de coopération ou souhaite s'associer à une ville du "
        "réseau ? Présentez-le au Secrétariat permanent de l'AIMF : il vous aide à le préciser "
        "et à trouver partenaires et financements."
    ),
    link_label="Proposer un projet",
    standard_page_slug=COOPERATION_PAGE_SLUG,
)

PARIS_2023_PROMO = EventPromo(
    heading="PARIS 2023",
    event="98e réunion du Bureau de l'AIMF",
    city="Paris",
    start_date=date(2023, 4, 27),
    end_date=date(2023, 4, 29),
    tagline="Gouvernance locale, impact global !",
    text="Retrouvez l'essentiel des rencontres de l'AIMF à Paris en avril 2023.",
    link_label="Lire le compte rendu",
    news_theme_slug="gouvernance-locale",
    news_slug=PARIS_2023_BUREAU.slug,
)

# --- The 23 themes -------------------------------------------------------------------------

CULTURE_HERITAGE = Theme(
    title="Culture / Patrimoine",
    intro=(
        "Le patrimoine bâti, les musées et la création contemporaine font l'identité des villes "
        "et nourrissent leur développement. L'AIMF soutient les municipalités qui restaurent "
        "leurs centres anciens, ouvrent des lieux culturels et font vivre leurs jumelages par "
        "la culture."
    ),
    news=(
        QUEBEC_NAMUR,
        CAMEROON_VISIT,
        MONTPELLIER_FES,
        HUE_MAYORS_MEETING,
        CASABLANCA_MUSEUM,
        HUE_TOURISM_YEAR,
    ),
    actions=(BOHICON_MUSEUM, SOUSSE_BAB_JEDID, NIKKI_TOURISM),
    publications=(
        RAISONNANCE_GENDER_HEALTH,
        RAISONNANCE_CITY_DIPLOMACY,
        RAISONNANCE_HERITAGE,
        RAISONNANCE_URBAN_CULTURE,
        HISTORIC_CENTRES_REPORT,
        MUNICIPAL_MUSEUM_GUIDE,
        HUE_PROCEEDINGS,
        TWINNING_STUDY,
        CULTURAL_TOURISM_REPORT,
    ),
    promos=(
        RAISONNANCE_PROMO,
        COLLABORATE_PROMO,
        PARIS_2023_PROMO,
        RelatedThemesPromo(
            heading="Gouvernance",
            text="Découvrez d'autres articles et contenus autour de notre thématique.",
            theme_titles=("Gouvernance locale",),
        ),
    ),
)

LOCAL_GOVERNANCE = Theme(
    title="Gouvernance locale",
    intro=(
        "Une gestion municipale transparente, proche des habitants et capable de rendre des "
        "comptes est la condition de toute politique publique durable. L'AIMF forme les élus et "
        "les agents, modernise des outils de gestion comme l'état civil et diffuse les bonnes "
        "pratiques d'une ville à l'autre."
    ),
    news=(PARIS_2023_BUREAU, CIVIL_REGISTRATION_NEWS),
    actions=(ANTANANARIVO_CIVIL_REGISTRY,),
    publications=(PARIS_2023_PROCEEDINGS, LOCAL_BUDGET_GUIDE),
    promos=(
        PARIS_2023_PROMO,
        RAISONNANCE_PROMO,
        COLLABORATE_PROMO,
        RelatedThemesPromo(
            heading="Thématiques liées",
            text="La gouvernance locale rejoint d'autres chantiers de l'association.",
            theme_titles=("Décentralisation", "Finances locales", "Culture / Patrimoine"),
        ),
    ),
)

THEMES = (
    Theme(
        "Climat",
        "Les villes sont en première ligne face au dérèglement climatique : vagues de chaleur, "
        "inondations, érosion des côtes. L'AIMF aide ses membres à planifier leur adaptation, à "
        "réduire leurs émissions et à partager d'une ville à l'autre les solutions qui ont fait "
        "leurs preuves.",
    ),
    Theme(
        "Coopération décentralisée",
        "La coopération décentralisée unit des collectivités de plusieurs continents autour de "
        "projets concrets, portés par les élus et leurs services. L'AIMF accompagne ces "
        "partenariats de ville à ville, du premier contact à l'évaluation des réalisations.",
    ),
    CULTURE_HERITAGE,
    Theme(
        "Décentralisation",
        "Des compétences transférées sans moyens ne changent rien pour les habitants. L'AIMF "
        "plaide pour une décentralisation effective, où les collectivités disposent des "
        "ressources, des agents et de l'autonomie nécessaires à leurs missions.",
    ),
    Theme(
        "Développement économique",
        "Marchés, gares routières, zones d'activités : les équipements municipaux structurent "
        "l'économie locale. L'AIMF appuie les villes qui soutiennent l'emploi, l'entrepreneuriat "
        "et le commerce de proximité.",
    ),
    Theme(
        "Diasporas",
        "Les diasporas gardent des liens forts avec leurs villes d'origine et y investissent "
        "souvent leurs compétences. L'AIMF encourage les municipalités à associer ces citoyens "
        "de l'extérieur à leurs projets de développement.",
    ),
    Theme(
        "Diplomatie des villes",
        "Les maires dialoguent par-delà les frontières, et leur voix compte de plus en plus dans "
        "les enceintes internationales. L'AIMF porte le plaidoyer des villes francophones "
        "auprès des États et des organisations multilatérales.",
    ),
    Theme(
        "Economie sociale et circulaire",
        "Réemploi, valorisation des déchets, coopératives de quartier : l'économie sociale et "
        "circulaire crée des emplois qui restent sur le territoire. L'AIMF aide les villes à "
        "structurer ces filières avec leurs acteurs locaux.",
    ),
    Theme(
        "Education",
        "Construire et entretenir les écoles, faciliter l'accès des enfants à l'enseignement : "
        "les communes jouent un rôle décisif dans l'éducation. L'AIMF soutient les projets "
        "municipaux qui améliorent les conditions d'apprentissage.",
    ),
    Theme(
        "Egalités",
        "L'égalité entre les femmes et les hommes et l'inclusion de tous les habitants se "
        "jouent d'abord à l'échelle locale. L'AIMF encourage la participation des femmes à la "
        "décision publique et les politiques municipales qui réduisent les inégalités.",
    ),
    Theme(
        "Finances locales",
        "Sans ressources propres fiables, une ville ne peut ni investir ni entretenir ses "
        "équipements. L'AIMF accompagne ses membres dans la mobilisation des recettes locales, "
        "la transparence budgétaire et l'accès au financement.",
    ),
    Theme(
        "Francophonie",
        "Le français est la langue commune de villes réparties sur plusieurs continents. "
        "Opérateur de la Francophonie, l'AIMF fait de ce lien un outil de coopération concrète "
        "entre collectivités.",
    ),
    LOCAL_GOVERNANCE,
    Theme(
        "Mobilité",
        "Se déplacer pour travailler, étudier ou se soigner reste un défi dans des villes qui "
        "grandissent vite. L'AIMF appuie les municipalités qui organisent les transports "
        "publics, sécurisent la marche et aménagent leurs voiries.",
    ),
    Theme(
        "Numérique",
        "Le numérique rapproche l'administration des habitants, à condition de rester "
        "accessible à tous. L'AIMF accompagne la dématérialisation des services municipaux et "
        "la formation des agents à ces nouveaux outils.",
    ),
    Theme(
        "Résilience",
        "Inondations, épidémies, crises économiques : une ville résiliente anticipe les chocs et "
        "s'en relève plus vite. L'AIMF aide ses membres à cartographier les risques et à "
        "préparer leurs services à réagir.",
    ),
    Theme(
        "Santé",
        "Eau potable, assainissement, centres de santé de proximité : la santé publique "
        "commence dans la commune. L'AIMF soutient les villes qui améliorent l'accès aux soins "
        "et la prévention, en lien avec les autorités sanitaires.",
    ),
    Theme(
        "Services essentiels",
        "Eau, assainissement, électricité, collecte des déchets : ces services conditionnent la "
        "vie quotidienne des habitants. L'AIMF finance et accompagne des projets municipaux qui "
        "les rendent plus fiables et accessibles au plus grand nombre.",
    ),
    Theme(
        "Solidarités / Urgence",
        "Quand une ville membre est frappée par une catastrophe, la solidarité entre maires "
        "s'organise. L'AIMF mobilise son réseau pour l'aide d'urgence, puis pour la "
        "reconstruction des équipements publics.",
    ),
    Theme(
        "Sport",
        "Terrains de proximité, grands événements, clubs de quartier : le sport crée du lien et "
        "fait rayonner les villes. L'AIMF encourage les équipements sportifs accessibles et les "
        "échanges entre jeunes de villes francophones.",
    ),
    Theme(
        "Urbanisme",
        "Planifier l'extension urbaine, améliorer les quartiers précaires, préserver les espaces "
        "publics : l'urbanisme engage la ville pour des décennies. L'AIMF aide les "
        "municipalités à se doter de documents de planification et à les mettre en œuvre.",
    ),
    Theme(
        "Villes et Universités",
        "Universités et municipalités ont tout à gagner à travailler ensemble : recherche "
        "appliquée, formation des agents, accueil des étudiants. L'AIMF favorise ces "
        "partenariats au service du développement local.",
    ),
    Theme(
        "Vivre-Ensemble",
        "Dans des villes diverses par leurs origines, leurs langues et leurs croyances, la "
        "cohésion se construit au quotidien. L'AIMF valorise les initiatives municipales qui "
        "favorisent le dialogue et la participation de tous les habitants.",
    ),
)

# --- Plain pages ---------------------------------------------------------------------------

PRIVACY_POLICY = StandardPageContent(
    slug="politique-de-confidentialite",
    title="Politique de confidentialité",
    intro=(
        "Ce que nous faisons des données personnelles recueillies sur ce site, pour la lettre "
        "d'actualités et par le formulaire de contact, et comment exercer vos droits."
    ),
    sections=(
        Section(
            "Qui est responsable de vos données ?",
            (
                "Le responsable du traitement est l'Association internationale des maires "
                "francophones (AIMF), association dont le siège est à Paris, représentée par "
                "son Secrétaire permanent.",
                "Ce site ne dépose aucun cookie publicitaire ni de mesure d'audience tierce. "
                "Les seules données personnelles qu'il recueille sont celles de la lettre "
                "d'actualités et celles des messages du formulaire de contact, décrites "
                "ci-dessous.",
            ),
        ),
        Section(
            "Ce que nous enregistrons pour la lettre d'actualités",
            ("Lorsque vous vous abonnez, nous conservons :",),
            (
                "votre adresse électronique ;",
                "l'historique de votre consentement : inscription, confirmation et "
                "désinscription, chacune avec sa date et son heure ;",
                "la version exacte du texte de consentement que vous avez accepté, pour savoir "
                "précisément à quoi vous avez consenti ;",
                "les thématiques que vous avez choisies ;",
                "pour chaque lettre, si elle a pu vous être remise ou si elle a été signalée "
                "comme indésirable (une adresse qui n'existe plus cesse de recevoir la lettre).",
            ),
        ),
        Section(
            "Ce que nous enregistrons quand vous nous écrivez",
            (
                "Un message envoyé par le formulaire de contact est conservé avec votre nom, "
                "votre adresse électronique, l'objet, le texte du message, votre accord pour "
                "être recontacté et sa date. Il est transmis par courriel au Secrétariat "
                "permanent et lu par l'équipe qui vous répond ; il ne sert à rien d'autre.",
            ),
        ),
        Section(
            "Ce que nous n'enregistrons pas",
            (
                "Nous ne conservons pas votre adresse IP en clair, ni aucune donnée sur votre "
                "navigation. Pour la lettre, nous ne vous demandons ni votre nom, ni votre "
                "ville, ni votre fonction.",
                "La lettre ne contient ni pixel de suivi ni lien de redirection : nous ne "
                "savons pas si vous l'ouvrez ni sur quels liens vous cliquez, et nous ne "
                "cherchons pas à le savoir.",
            ),
        ),
        Section(
            "Pourquoi",
            (
                "Les données de la lettre servent uniquement à vous envoyer la lettre "
                "d'actualités de l'AIMF et à pouvoir démontrer que vous y avez consenti. Ce "
                "traitement repose sur votre consentement (article 6.1.a du RGPD).",
                "Les messages de contact servent uniquement à vous répondre ; ce traitement "
                "repose sur votre demande et sur l'intérêt de l'association à y donner suite "
                "(article 6.1.f du RGPD).",
                "Vos données ne sont ni vendues, ni louées, ni cédées à des tiers.",
            ),
        ),
        Section(
            "Combien de temps",
            (),
            (
                "Une inscription non confirmée est supprimée au bout de 30 jours.",
                "3 ans après votre dernière confirmation, nous vous demandons de confirmer "
                "de nouveau votre abonnement ; sans réponse, vos données sont supprimées.",
                "Un message envoyé par le formulaire de contact est supprimé un an après sa "
                "réception.",
                "La preuve de votre consentement est conservée aussi longtemps que nécessaire "
                "pour démontrer qu'il a été recueilli, y compris après votre désinscription.",
            ),
        ),
        Section(
            "Vos droits",
            ("Vous disposez à tout moment des droits suivants :",),
            (
                "accéder aux données qui vous concernent ;",
                "les faire rectifier ;",
                "demander leur effacement ;",
                "retirer votre consentement, d'un clic, grâce au lien de désinscription présent "
                "dans chaque lettre ;",
                "introduire une réclamation auprès de la Commission nationale de l'informatique "
                "et des libertés (CNIL), www.cnil.fr.",
            ),
        ),
        Section(
            "Nous contacter",
            (
                "Pour toute question sur vos données ou pour exercer vos droits, écrivez au "
                "Secrétariat permanent de l'AIMF, par le formulaire de contact ou à l'une des "
                "adresses ci-dessous, en indiquant « Données personnelles » dans votre message. "
                "Nous vous répondons dans un délai d'un mois.",
            ),
            contact_details=True,
        ),
    ),
)

COOPERATION_PROPOSAL = StandardPageContent(
    slug=COOPERATION_PAGE_SLUG,
    title="Proposer un projet de coopération",
    intro=(
        "Votre ville est membre de l'AIMF et porte un projet au service de ses habitants ? "
        "Voici comment le présenter à l'association."
    ),
    sections=(
        Section(
            "Quels projets ?",
            (
                "L'AIMF accompagne des projets municipaux concrets : équipements culturels et "
                "restauration du patrimoine, eau et assainissement, état civil, santé, "
                "formation des agents. Les projets menés à plusieurs villes, jumelées ou non, "
                "sont particulièrement bienvenus.",
            ),
        ),
        Section(
            "Comment faire",
            (),
            (
                "Décrivez votre projet en quelques pages : le besoin des habitants, ce que la "
                "ville veut réaliser, le calendrier, le budget et les partenaires envisagés.",
                "Adressez cette note au Secrétariat permanent de l'AIMF, sous couvert du maire, "
                "par le formulaire de contact (objet « Projet de coopération ») ou à l'une des "
                "adresses ci-dessous.",
                "Le Secrétariat permanent vous aide à préciser le projet, puis le présente aux "
                "instances de l'association qui décident de son soutien.",
            ),
            contact_details=True,
        ),
        Section(
            "Et ensuite",
            (
                "Une fois le projet retenu, l'AIMF suit sa réalisation avec la ville, de la "
                "conception à la mise en service, et en partage les enseignements avec "
                "l'ensemble du réseau.",
            ),
        ),
    ),
)

# The RGAA 4.1 model statement. No audit has been made: under the RGAA the site is then "non
# conforme", whatever the automated checks say; they are reported for what they are.
ACCESSIBILITY_STATEMENT = StandardPageContent(
    slug="declaration-accessibilite",
    title="Déclaration d'accessibilité",
    intro=(
        "L'AIMF s'engage à rendre son site accessible à toutes et à tous, en s'appuyant sur le "
        "Référentiel général d'amélioration de l'accessibilité (RGAA) 4.1. Cette déclaration "
        "s'applique au site public de l'association."
    ),
    sections=(
        Section(
            "État de conformité",
            (
                "Le site n'a pas encore fait l'objet d'un audit de conformité au RGAA 4.1 par "
                "un organisme indépendant : il est donc, au sens du RGAA, non conforme. Un audit "
                "est prévu ; ses résultats remplaceront cette section.",
            ),
        ),
        Section(
            "Ce qui est vérifié à chaque version",
            (
                "En attendant l'audit, chaque version du site est vérifiée par des tests "
                "automatiques, dans un navigateur réel, sur chaque type de page publique "
                "(accueil, thématiques, listes filtrées ou non, actualités, actions, "
                "publications, recherche, lettre d'actualités, page d'erreur) :",
            ),
            (
                "aucune erreur détectée par l'outil axe-core pour les critères A et AA des "
                "WCAG 2.1, dont les contrastes de couleur ;",
                "un code HTML valide selon le validateur du W3C (Nu HTML Checker) ;",
                "une navigation complète au clavier, avec un lien d'accès direct au contenu "
                "et un focus toujours visible ;",
                "une mise en page lisible de 320 pixels de large à l'écran de bureau, et un "
                "texte agrandi à 200 % sans perte de contenu ;",
                "un texte alternatif pour chaque image qui porte une information.",
            ),
        ),
        Section(
            "Contenus non accessibles",
            (
                "Les outils automatiques ne couvrent qu'une partie des critères du RGAA. Nous "
                "connaissons les limites suivantes :",
            ),
            (
                "certaines publications au format PDF, fournies par des villes partenaires, "
                "ne sont pas balisées pour les lecteurs d'écran ; sur demande, nous vous en "
                "adressons le texte ;",
                "les vidéos intégrées depuis YouTube ou Vimeo n'ont pas toujours de "
                "sous-titres ni de transcription ;",
                "l'espace d'administration, réservé à l'équipe éditoriale, n'est pas couvert "
                "par cette déclaration.",
            ),
        ),
        Section(
            "Établissement de cette déclaration",
            (
                "Cette déclaration a été établie le 1er décembre 2026. Technologies utilisées : "
                "HTML5, CSS et JavaScript, ce dernier seulement pour améliorer des pages qui "
                "fonctionnent sans lui. Tests réalisés avec Chromium, axe-core et le Nu HTML "
                "Checker.",
            ),
        ),
        Section(
            "Retour d'information et contact",
            (
                "Si vous n'arrivez pas à accéder à un contenu ou à un service du site, écrivez "
                "au Secrétariat permanent de l'AIMF, par le formulaire de contact ou à l'une "
                "des adresses ci-dessous, en indiquant « Accessibilité » dans votre message : "
                "nous vous orienterons vers une alternative accessible ou vous adresserons le "
                "contenu sous une autre forme.",
            ),
            contact_details=True,
        ),
        Section(
            "Voies de recours",
            (
                "Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
                "contenu ou à un service du site et que vous n'avez pas obtenu de réponse "
                "satisfaisante, vous pouvez :",
            ),
            (
                "écrire un message au Défenseur des droits (formulaire en ligne sur son site) ;",
                "contacter le délégué du Défenseur des droits dans votre région ;",
                "envoyer un courrier par la poste, gratuitement et sans timbre, à : Défenseur "
                "des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
            ),
        ),
    ),
)

STANDARD_PAGES = (PRIVACY_POLICY, COOPERATION_PROPOSAL, ACCESSIBILITY_STATEMENT)
