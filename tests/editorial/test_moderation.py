"""The « Relecture » workflow: a Rédacteur's submission waits for an Éditeur, who is notified,
approves it (the item goes live on its theme page) or sends it back with a comment."""

import pytest
from django.core import mail
from django.urls import reverse

from aimf_portal.items.factories import ImageFactory
from news.models import NewsPage

from .helpers import add_news_url, news_form_data

pytestmark = pytest.mark.django_db

TITLE = "Journées du patrimoine à Hué"


@pytest.fixture
def submitted(redacteur_client, editeur, theme):
    """A news item a Rédacteur has just submitted; the Éditeur exists, so is notified."""
    mail.outbox.clear()
    redacteur_client.post(
        add_news_url(theme), news_form_data(TITLE, "journees-hue", ImageFactory(), action="submit")
    )
    return NewsPage.objects.get(slug="journees-hue")


def workflow_action_url(page, action):
    task_state = page.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def test_the_editeur_is_notified_and_finds_the_submission_in_the_dashboard(
    submitted, editeur, editeur_client
):
    assert [message.to for message in mail.outbox] == [[editeur.email]]
    assert TITLE in mail.outbox[0].subject

    dashboard = editeur_client.get("/admin/").content.decode()
    assert TITLE in dashboard
    assert workflow_action_url(submitted, "approve") in dashboard


def test_approval_publishes_the_item_on_its_theme_page(submitted, editeur_client, theme, client):
    response = editeur_client.post(workflow_action_url(submitted, "approve"), {"comment": ""})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live and not submitted.workflow_in_progress
    assert submitted.current_workflow_state is None
    assert TITLE in client.get(theme.url).content.decode()


def test_rejection_comes_back_to_the_redacteur_with_the_comment(
    submitted, redacteur, editeur_client, theme, client
):
    mail.outbox.clear()

    editeur_client.post(
        workflow_action_url(submitted, "reject"), {"comment": "Ajoutez la source de la photo."}
    )

    submitted.refresh_from_db()
    assert not submitted.live
    state = submitted.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Ajoutez la source de la photo."
    assert [message.to for message in mail.outbox] == [[redacteur.email]]
    assert "Ajoutez la source de la photo." in mail.outbox[0].body
    assert TITLE not in client.get(theme.url).content.decode()


def test_a_redacteur_cannot_approve_their_own_submission(submitted, redacteur_client):
    response = redacteur_client.post(workflow_action_url(submitted, "approve"), {"comment": ""})

    assert (response.status_code, response.get("Location")) == (302, "/admin/")
    submitted.refresh_from_db()
    assert not submitted.live and submitted.workflow_in_progress
