"""What each editorial group can and cannot do, through the admin's own views."""

import pytest
from django.urls import reverse

from aimf_portal.items.factories import ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

from .helpers import add_news_url, edit_url, news_form_data

pytestmark = pytest.mark.django_db

NEWSLETTER_ADMIN_URL = "/admin/newsletter/abonnes/"


def assert_refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    assert (response.status_code, response.get("Location")) == (302, "/admin/")


def public_titles(client, theme):
    return client.get(theme.url).content.decode()


# Rédacteurs


def test_a_redacteur_opens_the_admin(redacteur_client):
    assert redacteur_client.get("/admin/").status_code == 200


def test_a_redacteur_creates_a_news_item_but_publish_only_saves_a_draft(
    redacteur, redacteur_client, theme, client
):
    response = redacteur_client.post(
        add_news_url(theme),
        news_form_data(
            "Fête du patrimoine à Hué", "fete-patrimoine", ImageFactory(), action="publish"
        ),
    )

    news = NewsPage.objects.get(slug="fete-patrimoine")
    assert response.status_code == 302 and response["Location"] == edit_url(news)
    assert (news.live, news.has_unpublished_changes, news.owner) == (False, True, redacteur)
    assert news.get_parent().pk == theme.pk
    assert [country.code for country in news.sorted_countries()] == ["BJ", "SN"]
    assert "Fête du patrimoine à Hué" not in public_titles(client, theme)


def test_a_redacteur_submits_a_news_item_for_relecture(redacteur_client, theme):
    redacteur_client.post(
        add_news_url(theme),
        news_form_data("Atelier à Dakar", "atelier-dakar", ImageFactory(), action="submit"),
    )

    news = NewsPage.objects.get(slug="atelier-dakar")
    assert not news.live
    assert news.workflow_in_progress
    assert news.current_workflow_state.workflow.name == "Relecture"
    assert news.current_workflow_task.name == "Relecture par un éditeur"


def test_a_redacteur_cannot_publish_a_change_to_a_live_item(redacteur_client, theme, client):
    news = NewsPageFactory(parent=theme, title="Titre publié")
    NewsPage.objects.get(pk=news.pk).save_revision().publish()

    response = redacteur_client.post(
        edit_url(news),
        news_form_data("Titre modifié", news.slug, news.image, action="publish"),
    )

    assert response.status_code == 302
    news.refresh_from_db()
    assert (news.title, news.draft_title, news.has_unpublished_changes) == (
        "Titre publié",
        "Titre modifié",
        True,
    )
    page = public_titles(client, theme)
    assert "Titre publié" in page and "Titre modifié" not in page


@pytest.mark.parametrize("view", ["unpublish", "delete", "move"])
def test_a_redacteur_cannot_unpublish_delete_or_move_a_live_item(redacteur_client, theme, view):
    news = NewsPageFactory(parent=theme)
    url = reverse(f"wagtailadmin_pages:{view}", args=(news.pk,))

    assert_refused(redacteur_client.get(url))
    assert_refused(redacteur_client.post(url))

    news.refresh_from_db()
    assert news.live and news.get_parent().pk == theme.pk


def test_a_redacteur_cannot_lock_a_page(redacteur_client, theme):
    news = NewsPageFactory(parent=theme)

    redacteur_client.post(reverse("wagtailadmin_pages:lock", args=(news.pk,)))

    news.refresh_from_db()
    assert not news.locked


def test_a_redacteur_does_not_reach_the_newsletter_admin(redacteur_client):
    assert_refused(redacteur_client.get(NEWSLETTER_ADMIN_URL))


def test_a_redacteur_uploads_an_image(redacteur_client, theme):
    assert redacteur_client.get(reverse("wagtailimages:add_multiple")).status_code == 200
    assert redacteur_client.get(reverse("wagtaildocs:add_multiple")).status_code == 200


# Éditeurs


def test_an_editeur_publishes_a_news_item_on_its_theme_page(editeur_client, theme, client):
    editeur_client.post(
        add_news_url(theme),
        news_form_data("Forum des maires à Tunis", "forum-tunis", ImageFactory(), action="publish"),
    )

    news = NewsPage.objects.get(slug="forum-tunis")
    assert news.live and not news.has_unpublished_changes
    assert "Forum des maires à Tunis" in public_titles(client, theme)


def test_an_editeur_unpublishes_a_news_item(editeur_client, theme):
    news = NewsPageFactory(parent=theme)

    editeur_client.post(reverse("wagtailadmin_pages:unpublish", args=(news.pk,)))

    news.refresh_from_db()
    assert not news.live


def test_an_editeur_locks_and_unlocks_a_page(editeur_client, theme):
    news = NewsPageFactory(parent=theme)

    editeur_client.post(reverse("wagtailadmin_pages:lock", args=(news.pk,)))
    news.refresh_from_db()
    assert news.locked

    editeur_client.post(reverse("wagtailadmin_pages:unlock", args=(news.pk,)))
    news.refresh_from_db()
    assert not news.locked


def test_an_editeur_cannot_delete_a_theme_with_its_items(editeur_client, theme):
    NewsPageFactory(parent=theme)

    assert_refused(editeur_client.get(reverse("wagtailadmin_pages:delete", args=(theme.pk,))))
    editeur_client.post(reverse("wagtailadmin_pages:delete", args=(theme.pk,)))

    assert NewsPage.objects.child_of(theme).exists()


def test_an_editeur_does_not_reach_the_newsletter_admin(editeur_client):
    assert_refused(editeur_client.get(NEWSLETTER_ADMIN_URL))


# Newsletter


def test_the_newsletter_group_sees_the_newsletter_admin(newsletter_client):
    assert b'"Newsletter"' in newsletter_client.get("/admin/").content
    assert newsletter_client.get(NEWSLETTER_ADMIN_URL).status_code == 200


def test_the_newsletter_group_cannot_touch_pages(newsletter_client, theme):
    news = NewsPageFactory(parent=theme)

    assert_refused(newsletter_client.get(reverse("wagtailadmin_explore", args=(theme.pk,))))
    assert_refused(newsletter_client.get(add_news_url(theme)))
    assert_refused(newsletter_client.get(edit_url(news)))
    assert_refused(
        newsletter_client.post(
            edit_url(news), news_form_data("Piraté", news.slug, news.image, action="publish")
        )
    )
    news.refresh_from_db()
    assert news.title != "Piraté"


def test_the_newsletter_group_cannot_upload_images(newsletter_client):
    assert_refused(newsletter_client.get(reverse("wagtailimages:add_multiple")))
    assert_refused(newsletter_client.get(reverse("wagtaildocs:add_multiple")))


# Without a group


def test_an_account_without_a_group_does_not_enter_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="sans-groupe"))

    response = client.get("/admin/")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
