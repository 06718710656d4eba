"""A publication shows its kind and number, date, cover, countries and its PDF with its size."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from aimf_portal.items.factories import DocumentFactory, ImageFactory, pdf_bytes
from publications.factories import PublicationPageFactory
from publications.models import PublicationPage
from tests.html import assert_page_chrome, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def raisonnance(theme):
    return PublicationPageFactory(
        parent=theme,
        title="Genre et Santé",
        teaser="Comment les villes francophones agissent pour la santé des femmes.",
        kind=PublicationPage.Kind.RAISONNANCE,
        issue_number=17,
        date=datetime.date(2025, 5, 12),
        countries=["SN", "BJ"],
        image=ImageFactory(description="Couverture de Raisonnance n° 17"),
        document=DocumentFactory(title="raisonnance-17.pdf", file__data=pdf_bytes(3072)),
        summary="<ol><li>Les maires s'engagent</li><li>Dix villes témoignent</li></ol>",
    )


def fetch(client, publication):
    return assert_page_chrome(
        client.get(publication.url), title=publication.title, description=publication.teaser
    )


def test_the_publication_page_frame_and_header(client, raisonnance):
    soup = fetch(client, raisonnance)
    assert text_of(soup.find("h1")) == "Genre et Santé"
    assert text_of(soup.find(class_="item-header__meta")) == (
        "Raisonnance n° 17 · Mai 2025 · Bénin, Sénégal"
    )
    assert soup.find(class_="item-header__meta").find("time")["datetime"] == "2025-05-12"
    assert text_of(soup.find(class_="item-header__teaser")) == raisonnance.teaser


def test_the_cover_and_summary(client, raisonnance):
    soup = fetch(client, raisonnance)
    assert soup.find(class_="publication__cover").find("img")["alt"] == (
        "Couverture de Raisonnance n° 17"
    )
    summary = soup.find(class_="publication__details")
    assert [text_of(item) for item in summary.find_all("li")] == [
        "Les maires s'engagent",
        "Dix villes témoignent",
    ]


def test_the_pdf_link_with_its_size(client, raisonnance):
    soup = fetch(client, raisonnance)
    link = soup.find(class_="publication__download").find("a")
    assert text_of(link) == "Télécharger la publication (PDF, 3,0 Kio)"
    assert link["href"] == raisonnance.document.url
    response = client.get(link["href"])
    content = b"".join(response.streaming_content)
    response.close()
    assert response["Content-Type"] == "application/pdf"
    assert len(content) == 3072


def test_a_report_has_no_number(client, theme):
    report = PublicationPageFactory(
        parent=theme, kind=PublicationPage.Kind.REPORT, date=datetime.date(2024, 11, 3), image=None
    )
    assert text_of(fetch(client, report).find(class_="item-header__meta")) == (
        "Rapport · Novembre 2024"
    )


def test_a_publication_without_document_has_no_download_link(client, theme):
    soup = fetch(client, PublicationPageFactory(parent=theme, document=None, image=None))
    assert soup.find(class_="publication__download") is None


def test_only_raisonnance_issues_are_numbered(theme):
    with pytest.raises(ValidationError) as refused:
        PublicationPageFactory(
            parent=theme, kind=PublicationPage.Kind.GUIDE, issue_number=3, image=None
        )
    assert "issue_number" in refused.value.message_dict


def test_demo_publications_are_marked_in_the_admin(theme):
    demo = PublicationPageFactory(parent=theme, title="Villes et climat", is_demo=True, image=None)
    real = PublicationPageFactory(parent=theme, title="Genre et Santé", image=None)
    assert demo.get_admin_display_title() == "Villes et climat (démo)"
    assert real.get_admin_display_title() == "Genre et Santé"


def test_a_portrait_cover_keeps_its_ratio(client, theme):
    """A cover is a page: shown whole, never cropped to a landscape band."""
    cover = ImageFactory(file__width=700, file__height=990, description="Couverture du guide")
    publication = PublicationPageFactory(parent=theme, image=cover)

    img = fetch(client, publication).select_one(".publication__cover img")

    assert (int(img["width"]), int(img["height"])) == (320, 452)
    assert "640w" in img["srcset"]
