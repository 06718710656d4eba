"""The migration from a free-text city to linked member cities: the values are mapped, accents
and case ignored, the others reported; going back writes each item's first city as text."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from actions.factories import ActionPageFactory
from news.factories import NewsPageFactory

BEFORE_CITIES = [("news", "0005_contact_details_block"), ("actions", "0006_contact_details_block")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_free_text_cities_are_linked_and_the_unknown_ones_reported(theme, capsys):
    news = NewsPageFactory(parent=theme, cities=["Hué"])
    action = ActionPageFactory(parent=theme, cities=["Bohicon", "Nikki"])
    unknown = NewsPageFactory(parent=theme)

    before = migrate(BEFORE_CITIES)
    assert before.get_model("news", "NewsPage").objects.get(pk=news.pk).city == "Hué"
    assert before.get_model("actions", "ActionPage").objects.get(pk=action.pk).city == "Bohicon"
    old_news = before.get_model("news", "NewsPage").objects
    old_news.filter(pk=news.pk).update(city="  HUE ")
    old_news.filter(pk=unknown.pk).update(city="Atlantis")

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    news.refresh_from_db()
    action.refresh_from_db()
    assert [city.name for city in news.cities.all()] == ["Hué"]
    assert [city.name for city in action.cities.all()] == ["Bohicon"]
    assert not unknown.cities.exists()
    report = capsys.readouterr().out
    assert (
        f"« Atlantis » absente de la liste des villes membres, non reliée (pages {unknown.pk})"
        in (report)
    )
