"""An action shows its city, countries, status, period, partners and attached documents."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from actions.factories import ActionPageFactory
from actions.models import ActionDocument, ActionPage
from aimf_portal.items.factories import DocumentFactory, ImageFactory, pdf_bytes
from tests.html import assert_page_chrome, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(theme):
    convention = DocumentFactory(title="convention.pdf", file__data=pdf_bytes(2048))
    report = DocumentFactory(title="Rapport d'étape", file__data=pdf_bytes(1536))
    action = ActionPageFactory(
        parent=theme,
        title="Un complexe muséal à Bohicon",
        teaser="Bohicon rassemble ses collections royales dans un nouveau complexe muséal.",
        cities=["Bohicon"],
        countries=["BJ", "FR"],
        status=ActionPage.Status.ONGOING,
        start_date=datetime.date(2024, 3, 15),
        end_date=datetime.date(2026, 6, 30),
        image=ImageFactory(description="La façade du musée de Bohicon"),
        body=[{"type": "paragraph", "value": "<p>Le chantier avance avec les habitants.</p>"}],
        partners=["Ville de Bohicon", "AIMF"],
    )
    ActionDocument.objects.create(
        page=action, document=convention, title="Convention signée", sort_order=0
    )
    ActionDocument.objects.create(page=action, document=report, sort_order=1)
    return action


def fetch(client, action):
    return assert_page_chrome(client.get(action.url), title=action.title, description=action.teaser)


def facts(soup):
    facts = soup.find("dl", class_="facts")
    return {text_of(term): text_of(term.find_next_sibling("dd")) for term in facts.find_all("dt")}


def test_the_action_page_frame_and_header(client, action):
    soup = fetch(client, action)
    assert text_of(soup.find("h1")) == "Un complexe muséal à Bohicon"
    assert text_of(soup.find(class_="item-header__meta")) == "Bohicon, Bénin · France · En cours"
    assert soup.find(class_="item-header__media").find("img")["alt"] == (
        "La façade du musée de Bohicon"
    )
    assert "Le chantier avance avec les habitants." in text_of(soup.find(class_="item__body"))


def test_the_facts_city_countries_status_and_period(client, action):
    assert facts(fetch(client, action)) == {
        "Ville": "Bohicon",
        "Pays": "Bénin, France",
        "État": "En cours",
        "Période": "du 15 mars 2024 au 30 juin 2026",
    }


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (ActionPage.Status.PLANNED, "En préparation"),
        (ActionPage.Status.ONGOING, "En cours"),
        (ActionPage.Status.COMPLETED, "Achevé"),
    ],
)
def test_each_status_has_its_french_label(client, theme, status, label):
    action = ActionPageFactory(parent=theme, status=status, image=None)
    assert facts(fetch(client, action))["État"] == label


def test_an_open_ended_action(client, theme):
    action = ActionPageFactory(
        parent=theme, start_date=datetime.date(2025, 5, 17), end_date=None, image=None
    )
    assert facts(fetch(client, action))["Période"] == "depuis le 17 mai 2025"


def test_the_partners_in_order_with_their_links(client, theme):
    action = ActionPageFactory(parent=theme, image=None, partners=["Ville de Namur", "AIMF"])
    namur = action.partners.get(name="Ville de Namur")
    namur.url = "https://www.namur.be/"
    namur.save()
    soup = fetch(client, action)
    section = soup.find("section", attrs={"aria-labelledby": "partenaires"})
    assert text_of(section.find("h2")) == "Partenaires"
    assert [text_of(item) for item in section.find_all("li")] == ["Ville de Namur", "AIMF"]
    assert [link["href"] for link in section.find_all("a")] == ["https://www.namur.be/"]


def test_the_attached_documents_with_their_size(client, action):
    soup = fetch(client, action)
    section = soup.find("section", attrs={"aria-labelledby": "documents"})
    links = section.find_all("a", class_="document-link")
    assert [text_of(link) for link in links] == [
        "Convention signée (PDF, 2,0 Kio)",
        "Rapport d'étape (PDF, 1,5 Kio)",
    ]
    assert [link["href"] for link in links] == [
        attachment.document.url for attachment in action.documents.all()
    ]


def test_an_attached_document_can_be_downloaded(client, action):
    response = client.get(action.documents.first().document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    response.close()
    assert content.startswith(b"%PDF-") and len(content) == 2048


def test_no_partner_or_document_sections_when_there_are_none(client, theme):
    soup = fetch(client, ActionPageFactory(parent=theme, image=None))
    assert soup.find(id="partenaires") is None
    assert soup.find(id="documents") is None


def test_the_end_cannot_precede_the_start(theme):
    with pytest.raises(ValidationError) as refused:
        ActionPageFactory(
            parent=theme,
            image=None,
            start_date=datetime.date(2025, 5, 25),
            end_date=datetime.date(2025, 5, 17),
        )
    assert "end_date" in refused.value.message_dict
