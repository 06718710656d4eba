"""The editors' guide (docs/guide-redaction.md) walked in a real Chromium, camera in hand.

A Rédacteur writes a news item and submits it; an Éditeur sends it back with a comment; the
Rédacteur corrects and resubmits it; the Éditeur approves it, schedules a publication and
reads a page's history; then the image library and the publication form. Each step the guide
shows is saved to docs/img/, and the guide and the pictures are checked against each other so
neither drifts from the admin they describe.
"""

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageChops
from wagtail.models import TaskState

from aimf_portal.demo.content import Illustration
from aimf_portal.demo.media import draw_illustration
from aimf_portal.items.factories import DocumentFactory, ImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage
from publications.models import PublicationPage
from tests.places import MAP_PICTURES

from .helpers import EDITEURS, REDACTEURS, account, edit_url, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE = settings.BASE_DIR / "docs" / "guide-redaction.md"
SCREENSHOTS = GUIDE.parent / "img"
VIEWPORT = {"width": 1280, "height": 800}
# The whole set stays light enough to live in the repository.
SCREENSHOTS_BUDGET = 2 * 1024 * 1024
RESTING_POINTER = (10, 600)
# The admin scrolls its content smoothly: a picture could catch the form halfway.
INSTANT_SCROLLING = """
document.addEventListener("DOMContentLoaded", () => {
    const style = document.createElement("style");
    style.textContent = "* { scroll-behavior: auto !important; }";
    document.head.append(style);
});
"""
# Anti-aliasing moves a few dozen pixels by a few grey levels; a renamed button or a new
# field changes hundreds by far more.
NOISE_LEVEL = 48
NOISE_SHARE = 1 / 10_000
# The bottom of the edit form, where its action menu unfolds.
FOOTER = {"x": 200, "y": 560, "width": 1080, "height": 240}
TITLE = "Fès restaure ses fontaines historiques"
REVIEW_COMMENT = "Précisez dans le chapeau combien de fontaines sont restaurées."
BODY_START = "Après deux ans de travaux, les fontaines Nejjarine,"
SEASON = "Journées du patrimoine de Dakar"
PUBLICATION = "Guide du patrimoine municipal"
# Next January, whenever the test runs: the schedule must lie in the future.
GO_LIVE = timezone.make_aware(datetime.datetime(timezone.localdate().year + 1, 1, 15, 9, 0))
EXPIRY = timezone.make_aware(datetime.datetime(timezone.localdate().year + 1, 3, 31, 18, 0))


def guide_images():
    """The file names of every picture the guide shows: `![texte](img/nom.png)`."""
    return set(re.findall(r"!\[[^\]]*\]\(img/([^)\s]+)\)", GUIDE.read_text(encoding="utf-8")))


class Camera:
    """Saves the guide's pictures in docs/img/ and remembers which it took."""

    def __init__(self):
        self.taken = []
        SCREENSHOTS.mkdir(exist_ok=True)

    def shoot(self, name, target, **options):
        filename = f"{name}.png"
        assert filename not in self.taken, f"{filename} est déjà pris."
        # The pointer rests on an empty spot of the menu: no tooltip or hover in the picture.
        getattr(target, "page", target).mouse.move(*RESTING_POINTER)
        picture = target.screenshot(animations="disabled", caret="hide", **options)
        path = SCREENSHOTS / filename
        if not (path.exists() and looks_the_same(path.read_bytes(), picture)):
            path.write_bytes(picture)
        self.taken.append(filename)


def looks_the_same(old, new):
    """Whether two pictures differ only by the anti-aliasing noise Chromium's software
    rendering varies from run to run: rewriting them would change the files for nothing."""
    with Image.open(io.BytesIO(old)) as before, Image.open(io.BytesIO(new)) as after:
        if before.size != after.size:
            return False
        difference = ImageChops.difference(before.convert("L"), after.convert("L"))
        clear_changes = sum(difference.histogram()[NOISE_LEVEL + 1 :])
        return clear_changes <= before.width * before.height * NOISE_SHARE


def open_tab(browser, base_url, username):
    """A new tab logged in as `username`, through the admin's login form."""
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORT, reduced_motion="reduce")
    context.add_init_script(INSTANT_SCROLLING)
    page = context.new_page()
    log_in(page, base_url, username)
    return page


def reveal(field):
    """Open the edit form's tab that holds `field`, whichever tab that is."""
    tab_id = field.evaluate("element => element.closest('[role=tabpanel]')?.id || ''")
    if tab_id:
        field.page.locator(f'[role=tab][aria-controls="{tab_id}"]').click()
    field.wait_for(state="visible")
    return field


def field_panel(page, field_name):
    """The panel of the edit form that holds a field, found by the field's model name."""
    field = page.locator(f'[data-field][data-contentpath="{field_name}"]')
    reveal(field)
    return page.locator("section.w-panel", has=field).last


def write_news_item(writer):
    """Fill the new news item's form the way the guide tells, field by field."""
    # Typed key by key once the admin's scripts run, as the slug follows the title's keystrokes.
    writer.wait_for_load_state("networkidle")
    writer.locator("#id_title").press_sequentially(TITLE)
    writer.locator("#id_title").press("Tab")
    reveal(writer.locator("#id_teaser")).fill(
        "Six fontaines de la médina coulent de nouveau après deux ans de travaux."
    )
    type_date(reveal(writer.locator("#id_date")), "2026-11-28")
    field_panel(writer, "cities").locator(".tagit-new input").fill("fe")
    writer.locator(".ui-autocomplete li", has_text="Fès").click()
    countries = field_panel(writer, "countries").locator(".tagit-new input")
    for country in ("Maroc", "Sénégal"):
        countries.fill(country[:3])
        writer.locator(".ui-autocomplete li", has_text=country).click()
    image = writer.locator('[data-field][data-contentpath="image"]')
    reveal(image).get_by_role("button", name="Choisir une image").click()
    writer.locator(".modal").get_by_role("link", name="Fontaine Nejjarine").click()
    image.locator(".chooser__title", has_text="Fontaine Nejjarine").wait_for()
    body = reveal(writer.locator("#body-root"))
    body.locator(".c-sf-add-button").first.click()
    writer.get_by_role("option", name="Paragraphe").click()
    body.locator(".public-DraftEditor-content").first.click()
    writer.keyboard.type(f"{BODY_START} Sidi Frej et quatre autres coulent de nouveau.")


def type_date(field, value):
    """Set a date field as typing would, without the date picker: opened on focus, it closes
    at its own pace and would cover the next button or the screenshot."""
    field.evaluate(
        """(input, value) => {
            input.value = value;
            input.dispatchEvent(new Event("input", {bubbles: true}));
            input.dispatchEvent(new Event("change", {bubbles: true}));
        }""",
        value,
    )


def scroll_to(element, block="center"):
    """Bring `element` into view. The admin's content area is wider than the window (its
    hidden side panels) and scrollIntoView may shift it sideways too: put its left edge back."""
    element.evaluate(
        """(element, block) => {
            element.scrollIntoView({block});
            for (let node = element; node; node = node.parentElement) node.scrollLeft = 0;
        }""",
        block,
    )


def open_action_menu(page, action):
    """Unfold the edit form's action menu (bottom of the form) on the button `action`."""
    button = page.locator(f"button[name={action}]")
    page.locator(".w-dropdown", has=button).locator("[data-w-dropdown-target=toggle]").click()
    button.wait_for()
    return button


def review_queue(page):
    """The dashboard's list of pages waiting for this Éditeur's review."""
    return page.locator(
        "section", has=page.get_by_role("heading", name="En attente de votre vérification")
    )


def schedule(reviewer, base_url, page, camera):
    """An Éditeur sets a draft's go-live and expiry dates, then schedules it."""
    reviewer.goto(f"{base_url}{edit_url(page)}")
    reviewer.locator('[data-side-panel-toggle="status"]').click()
    reviewer.get_by_role("button", name="Programmer", exact=True).click()
    dialog = reviewer.locator("#schedule-publishing-dialog .w-dialog__box")
    type_date(dialog.locator("#id_go_live_at"), GO_LIVE.strftime("%Y-%m-%d %H:%M"))
    type_date(dialog.locator("#id_expire_at"), EXPIRY.strftime("%Y-%m-%d %H:%M"))
    camera.shoot("programmer", dialog)
    with reviewer.expect_navigation():
        dialog.get_by_role("button", name="Enregistrer la programmation").click()
    publish = open_action_menu(reviewer, "action-publish")
    assert publish.inner_text().strip() == "Programmer pour publication"
    with reviewer.expect_navigation():
        publish.click()


def choose_focal_point(writer, base_url, image, camera):
    """A Rédacteur draws the image's focal point on it in the image library."""
    writer.goto(f"{base_url}/admin/images/{image.pk}/")
    chooser = writer.locator(".focal-point-chooser")
    box = chooser.bounding_box()
    writer.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.25)
    writer.mouse.down()
    writer.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.7, steps=8)
    writer.mouse.up()
    camera.shoot("image-point-focal", writer)
    with writer.expect_navigation():
        writer.get_by_role("button", name="Enregistrer").first.click()


def write_publication(writer, base_url, theme, camera):
    """A Rédacteur starts a publication: its type, date, PDF; saved as a draft."""
    writer.goto(f"{base_url}/admin/pages/add/publications/publicationpage/{theme.pk}/")
    writer.wait_for_load_state("networkidle")
    writer.locator("#id_title").press_sequentially(PUBLICATION)
    writer.locator("#id_title").press("Tab")
    reveal(writer.locator("#id_teaser")).fill(
        "Inventorier, protéger, faire vivre : le patrimoine municipal en douze fiches."
    )
    reveal(writer.locator("#id_kind")).select_option(label="Guide")
    type_date(reveal(writer.locator("#id_date")), "2026-11-20")
    document = writer.locator('[data-field][data-contentpath="document"]')
    reveal(document).get_by_role("button", name="Choisir un document").click()
    writer.locator(".modal").get_by_role("link", name="Guide du patrimoine").click()
    document.locator(".chooser__title", has_text="Guide du patrimoine").wait_for()
    scroll_to(field_panel(writer, "document"))
    camera.shoot("publication-formulaire", writer)
    with writer.expect_navigation():
        writer.locator("button[name=action-draft], button.action-save").first.click()


def picture(title, caption):
    """A real picture, drawn like the demo's, large enough for its focal point to matter."""
    illustration = Illustration(title=title, alt_text=caption, caption=caption)
    return draw_illustration(illustration, (1200, 750))


def test_the_guide_walks_through_the_admin_and_shows_every_step(
    live_server, browser, theme, django_user_model, settings, mailoutbox
):
    # Autosave would race the test's typing: a draft saved half-filled makes the run flaky.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    account(django_user_model, "amina", REDACTEURS, first_name="Amina", last_name="Diallo")
    account(django_user_model, "marc", EDITEURS, first_name="Marc", last_name="Tremblay")
    fountain = ImageFactory(
        title="Fontaine Nejjarine",
        description="La fontaine Nejjarine et ses zelliges, place Nejjarine à Fès",
        file=ImageFile(
            io.BytesIO(picture("Fontaine Nejjarine", "La fontaine Nejjarine, à Fès")),
            name="fontaine.jpg",
        ),
    )
    NewsPageFactory(
        parent=theme, title="Une actualité plus ancienne", date=datetime.date(2026, 10, 2)
    )
    season = NewsPageFactory(parent=theme, title=SEASON, date=GO_LIVE.date(), draft=True)
    DocumentFactory(title="Guide du patrimoine")
    camera = Camera()
    base_url = live_server.url

    writer = open_tab(browser, base_url, "amina")
    camera.shoot("tableau-de-bord-redacteur", writer)

    writer.goto(f"{base_url}/admin/pages/{theme.pk}/")
    writer.get_by_role("link", name="Ajouter une sous-page").first.click()
    choice = writer.get_by_role("link", name="Actualité", exact=True)
    choice.wait_for()
    camera.shoot("choix-du-type", writer, clip={"x": 0, "y": 0, "width": 1280, "height": 340})
    choice.click()
    write_news_item(writer)
    scroll_to(reveal(writer.locator("#id_title")), block="end")
    camera.shoot("actualite-formulaire", writer)

    writer.locator('[data-side-panel-toggle="preview"]').click()
    preview = writer.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", name=TITLE).wait_for()
    preview.get_by_text(BODY_START).wait_for()
    camera.shoot("actualite-apercu", writer)
    writer.locator('[data-side-panel-toggle="preview"]').click()

    # A Rédacteur's action menu offers to submit, never to publish.
    assert writer.locator("button[name=action-publish]").count() == 0
    submit = open_action_menu(writer, "action-submit")
    camera.shoot("actualite-soumettre", writer, clip=FOOTER)
    with writer.expect_navigation():
        submit.click()
    writer.wait_for_url(f"{base_url}/admin/pages/{theme.pk}/")
    news = NewsPage.objects.get(title=TITLE)
    assert news.workflow_in_progress and not news.live
    assert [country.code for country in news.sorted_countries()] == ["MA", "SN"]
    assert news.date == datetime.date(2026, 11, 28)
    # The Éditeurs are told by e-mail that a page waits for them.
    assert [message.to for message in mailoutbox] == [["marc@aimf.example"]]

    reviewer = open_tab(browser, base_url, "marc")
    queued = review_queue(reviewer).locator("tr", has_text=TITLE)
    queued.wait_for()
    queued.get_by_role("button", name="Actions").click()
    queued.get_by_role("button", name="Approuver", exact=True).wait_for()
    camera.shoot("relecture-tableau-de-bord", reviewer)
    queued.get_by_role("button", name="Demander des modifications").click()
    dialog = reviewer.locator(".modal-content")
    dialog.locator("textarea").fill(REVIEW_COMMENT)
    camera.shoot("relecture-demander-modifications", dialog)
    dialog.get_by_role("button", name="Demander des modifications").click()
    queued.wait_for(state="detached")
    rejected = TaskState.objects.filter(revision__object_id=str(news.pk)).latest("pk")
    assert rejected.status == TaskState.STATUS_REJECTED
    assert rejected.get_comment() == REVIEW_COMMENT
    assert mailoutbox[-1].to == ["amina@aimf.example"]
    assert REVIEW_COMMENT in mailoutbox[-1].body

    writer.goto(f"{base_url}{edit_url(news)}")
    writer.locator('[data-side-panel-toggle="status"]').click()
    writer.locator('[data-a11y-dialog-show="workflow-status-dialog"]').click()
    workflow_status = writer.locator("#workflow-status-dialog .w-dialog__box")
    workflow_status.get_by_text(REVIEW_COMMENT).wait_for()
    camera.shoot("modifications-demandees", workflow_status)
    workflow_status.get_by_role("button", name="Fermer", exact=True).click()
    # Closed again, or the admin would keep it open on the next forms and their pictures.
    writer.locator('[data-side-panel-toggle="status"]').click()
    teaser = reveal(writer.locator("#id_teaser"))
    teaser.fill("Six fontaines de la médina de Fès coulent de nouveau après deux ans de travaux.")
    resubmit = open_action_menu(writer, "action-submit")
    assert resubmit.inner_text().strip() == "Resoumettre à Relecture par un éditeur"
    with writer.expect_navigation():
        resubmit.click()

    reviewer.goto(f"{base_url}/admin/")
    queued.get_by_role("button", name="Actions").click()
    queued.get_by_role("button", name="Approuver", exact=True).click()
    reviewer.get_by_role("heading", name="Programmation").wait_for()
    queued.wait_for(state="detached")
    news.refresh_from_db()
    assert news.live and not news.workflow_in_progress
    assert news.teaser.startswith("Six fontaines de la médina de Fès")

    reviewer.goto(f"{base_url}/admin/pages/{news.pk}/history/")
    reviewer.get_by_text(REVIEW_COMMENT).wait_for()
    camera.shoot("historique", reviewer)

    schedule(reviewer, base_url, season, camera)
    season.refresh_from_db()
    revision = season.get_latest_revision()
    assert not season.live
    assert timezone.localtime(revision.approved_go_live_at) == GO_LIVE
    assert timezone.localtime(season.expire_at) == EXPIRY
    reviewer.goto(f"{base_url}/admin/")
    assert SEASON in reviewer.locator("#programmation-section").inner_text()

    choose_focal_point(writer, base_url, fountain, camera)
    fountain.refresh_from_db()
    assert fountain.has_focal_point()

    write_publication(writer, base_url, theme, camera)
    publication = PublicationPage.objects.get(title=PUBLICATION)
    assert publication.has_unpublished_changes and not publication.live
    assert publication.get_latest_revision_as_object().document.title == "Guide du patrimoine"

    # The guide shows exactly the pictures this walk takes, and nothing stale lies beside them
    # (but the map's, which the guide links to and tests/places takes).
    assert sorted(camera.taken) == sorted(guide_images())
    assert sorted(path.name for path in SCREENSHOTS.glob("*")) == sorted(
        [*camera.taken, *MAP_PICTURES]
    )
    total_size = sum(path.stat().st_size for path in SCREENSHOTS.glob("*"))
    assert total_size < SCREENSHOTS_BUDGET, f"{total_size} octets : recadrez les captures."
