"""Factories of the newsletter's pages. An issue is published through a real revision, as the
admin does, since what is sent is the live revision:

    index = NewsletterIndexPageFactory()
    issue = NewsletterIssuePageFactory(parent=index, body=text_body("Bonjour."))
"""

import factory

from aimf_portal.items.factories import PublishedPageFactory

from .models import NewsletterIndexPage, NewsletterIssuePage


def text_body(text="Les nouvelles du mois."):
    """An issue body of one intro paragraph, in the raw form Wagtail stores."""
    return [{"type": "intro", "value": f"<p>{text}</p>"}]


class NewsletterIndexPageFactory(PublishedPageFactory):
    title = "Lettre d'actualités"
    slug = "lettre"
    intro = "<p>Les numéros de la lettre d'actualités de l'AIMF.</p>"

    class Meta:
        model = NewsletterIndexPage


def newsletter_index():
    """The archive page, created the first time an issue needs it (there is only one)."""
    return NewsletterIndexPage.objects.first() or NewsletterIndexPageFactory()


class NewsletterIssuePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Lettre n° {n}")
    parent = factory.LazyFunction(newsletter_index)
    preheader = "Les nouvelles de l'association et de ses villes."
    body = factory.LazyFunction(text_body)

    class Meta:
        model = NewsletterIssuePage

    @factory.post_generation
    def published_revision(page, create, extracted, **kwargs):
        """The live revision the send reads, unless the page is a draft."""
        if create and page.live:
            page.save_revision().publish()
            page.refresh_from_db()
