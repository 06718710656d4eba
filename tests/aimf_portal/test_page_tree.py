"""Editors cannot build a wrong tree: each page type is allowed only where it belongs."""

import importlib
import sys
from pathlib import Path

import factory
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from actions.factories import ActionPageFactory
from actions.models import ActionPage
from aimf_portal.factories import ThemePageFactory, home_page
from aimf_portal.models import HomePage, StandardPage, ThemePage
from bench.servers import REPO
from news.factories import NewsPageFactory
from news.models import NewsPage
from newsletter.models import NewsletterIndexPage
from publications.factories import PublicationPageFactory
from publications.models import PublicationPage

ITEM_MODELS = [NewsPage, ActionPage, PublicationPage]
ITEM_FACTORIES = [NewsPageFactory, ActionPageFactory, PublicationPageFactory]


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ThemePage, StandardPage, NewsletterIndexPage})

    def test_a_single_home_page(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root), "the migrations already created one")
        home_page().delete()
        self.assertTrue(HomePage.can_create_at(Page.objects.get(pk=root.pk)))

    def test_theme_pages_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ThemePage, {HomePage})
        self.assertAllowedSubpageTypes(ThemePage, set(ITEM_MODELS))
        self.assertCanCreateAt(HomePage, ThemePage)
        self.assertCanNotCreateAt(ThemePage, ThemePage)

    def test_items_only_under_a_theme(self):
        for model in ITEM_MODELS:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {ThemePage})
                self.assertAllowedSubpageTypes(model, set())
                self.assertCanNotCreateAt(HomePage, model)
                for other in ITEM_MODELS:
                    self.assertCanNotCreateAt(other, model)

    def test_standard_pages_under_the_home_page_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(ThemePage, StandardPage)

    def test_a_real_theme_accepts_items_and_refuses_themes(self):
        theme = ThemePageFactory()
        for model in ITEM_MODELS:
            self.assertTrue(model.can_create_at(theme))
        self.assertFalse(ThemePage.can_create_at(theme))
        self.assertFalse(StandardPage.can_create_at(theme))


@pytest.mark.django_db
@pytest.mark.parametrize("item_factory", ITEM_FACTORIES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("slug", ["actualites", "actions", "publications"])
def test_item_slugs_cannot_hide_a_theme_listing(theme, item_factory, slug):
    with pytest.raises(ValidationError) as refused:
        item_factory(parent=theme, slug=slug, image=None)
    assert "slug" in refused.value.message_dict
    assert not Page.objects.filter(slug=slug).exists()
    # The same word inside a longer slug is fine.
    assert item_factory(parent=theme, slug=f"{slug}-2025", image=None).live


def project_page_models():
    """Every concrete page type of the project's own apps, found from Django's registry."""
    return [
        model
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(REPO)
        and not Path(config.path).is_relative_to(sys.prefix)  # the virtualenv may sit in it
        for model in config.get_models()
        if issubclass(model, Page)
    ]


def factory_of(model):
    """The factory of a page type: in its app's `factories` module, beside its `models`."""
    module = importlib.import_module(model.__module__.rpartition(".")[0] + ".factories")
    return next(
        (
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, factory.django.DjangoModelFactory)
            and value._meta.model is model
        ),
        None,
    )


@pytest.mark.django_db
def test_every_page_type_has_a_factory_that_builds_a_page_visitors_can_open(client):
    """Habit 7: a new page type comes with its factory (the home page comes from migrations)."""
    models = project_page_models()
    assert len(models) >= 5, "no page model found: the check would pass vacuously"
    built = {HomePage: home_page()}
    pending = [model for model in models if model is not HomePage]
    while pending:
        model = next(
            (m for m in pending if any(p in built for p in m.allowed_parent_page_models())), None
        )
        assert model is not None, f"no parent can be built for {pending}"
        pending.remove(model)
        page_factory = factory_of(model)
        assert page_factory is not None, f"{model.__name__} has no factory"
        parent = next(built[p] for p in model.allowed_parent_page_models() if p in built)
        built[model] = page_factory(parent=parent)
        response = client.get(built[model].url)
        assert response.status_code == 200, model.__name__
        assert built[model].title in response.content.decode(), model.__name__
