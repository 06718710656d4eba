import datetime

import factory

from actions.models import ActionDocument, ActionPage, ActionPartner
from aimf_portal.items.factories import ItemPageFactory, paragraph_body
from places.factories import link_cities


class ActionPageFactory(ItemPageFactory):
    """An ongoing action; `partners` takes names, `documents` takes Wagtail documents."""

    title = factory.Sequence(lambda n: f"Action {n}")
    status = ActionPage.Status.ONGOING
    start_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    end_date = None
    body = factory.LazyFunction(paragraph_body)
    cities = factory.PostGeneration(link_cities)

    class Meta:
        model = ActionPage

    @factory.post_generation
    def partners(page, create, extracted, **kwargs):
        if create and extracted:
            ActionPartner.objects.bulk_create(
                ActionPartner(page=page, name=name, sort_order=order)
                for order, name in enumerate(extracted)
            )

    @factory.post_generation
    def documents(page, create, extracted, **kwargs):
        if create and extracted:
            ActionDocument.objects.bulk_create(
                ActionDocument(page=page, document=document, sort_order=order)
                for order, document in enumerate(extracted)
            )
