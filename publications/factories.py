import datetime

import factory

from aimf_portal.items.factories import DocumentFactory, ItemPageFactory
from publications.models import PublicationPage


class PublicationPageFactory(ItemPageFactory):
    """A report with its PDF; `raisonnance=True` makes it a numbered Raisonnance issue."""

    title = factory.Sequence(lambda n: f"Publication {n}")
    kind = PublicationPage.Kind.REPORT
    issue_number = None
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "<ul><li>Introduction</li><li>Les villes en action</li></ul>"
    document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = PublicationPage

    class Params:
        raisonnance = factory.Trait(
            kind=PublicationPage.Kind.RAISONNANCE,
            issue_number=factory.Sequence(lambda n: n + 1),
        )

    @classmethod
    def create_in_bulk(cls, parent, count=None, **kwargs):
        # A built SubFactory document would be unsaved: share one saved document instead.
        kwargs.setdefault("document", DocumentFactory())
        return super().create_in_bulk(parent, count, **kwargs)
