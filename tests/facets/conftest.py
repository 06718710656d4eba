import datetime

import pytest

from publications.factories import PublicationPageFactory
from publications.models import PublicationPage

RAISONNANCE = PublicationPage.Kind.RAISONNANCE
REPORT = PublicationPage.Kind.REPORT
GUIDE = PublicationPage.Kind.GUIDE


@pytest.fixture
def tagged_publications(theme):
    """Publications with known countries, kinds and years, plus a draft and a private one."""

    def publication(title, codes, kind, year, **extra):
        return PublicationPageFactory(
            parent=theme,
            title=title,
            countries=codes,
            kind=kind,
            date=datetime.date(year, 6, 1),
            image=None,
            **extra,
        )

    return {
        "bj": publication("Cahier béninois", ["BJ"], RAISONNANCE, 2024),
        "bj_tn": publication("Rapport Bénin Tunisie", ["BJ", "TN"], REPORT, 2024),
        "tn": publication("Cahier tunisien", ["TN"], RAISONNANCE, 2023),
        "cm": publication("Guide camerounais", ["CM"], GUIDE, 2022),
        "be": publication("Rapport belge", ["BE"], REPORT, 2023),
        "bf": publication("Guide burkinabè", ["BF"], GUIDE, 2023),
        "draft": publication("Brouillon sénégalais", ["SN", "BJ"], RAISONNANCE, 2024, draft=True),
        "private": publication("Note privée", ["SN", "BJ"], RAISONNANCE, 2024, private=True),
    }
