"""What each change makes stale, here and in the CDN (connected by AimfPortalConfig.ready()):
every cached thing for a page shown on every page (`shown_on_every_page`), a view restriction
or a SITE_WIDE_CACHE_MODELS model; otherwise what shows the page: its address, its parent's,
the site's root and the pages linking to it (Wagtail's reference index). Generations move at
once and after the commit: a render in between read data not yet committed."""

from functools import partial

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from aimf_portal.caching import generations


def connect():
    page_published.connect(on_publication, dispatch_uid="aimf-cache-published")
    page_unpublished.connect(on_publication, dispatch_uid="aimf-cache-unpublished")
    post_page_move.connect(on_move, dispatch_uid="aimf-cache-moved")
    post_save.connect(on_page_created, dispatch_uid="aimf-cache-page-created")
    for label in [*settings.SITE_WIDE_CACHE_MODELS, "wagtailcore.PageViewRestriction"]:
        for signal in (post_save, post_delete):
            signal.connect(purge_site, sender=apps.get_model(label), dispatch_uid=f"aimf-{label}")


def on_publication(sender, instance, **kwargs):
    page_changed(instance, [instance.url_path])


def on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    # A moved subtree carries its view restrictions to new tree paths.
    if PageViewRestriction.objects.filter(page__path__startswith=instance.path).exists():
        purge_site()
    else:
        page_changed(instance, [url_path_before, url_path_after])


def on_page_created(sender, instance, created, **kwargs):
    # Editors change live pages by publishing, unpublishing and moving them (above); code that
    # creates a live page directly sends only this signal.
    if created and isinstance(instance, Page) and instance.live:
        page_changed(instance, [instance.url_path])


def page_changed(page, url_paths):
    if getattr(page.specific_deferred, "shown_on_every_page", False):
        purge_site()
        return
    page_type = ContentType.objects.get_for_model(Page)
    links = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    linking = Page.objects.filter(
        pk__in=[int(pk) for pk in links.values_list("object_id", flat=True)]
    )
    parents = [url_path.rstrip("/").rpartition("/")[0] + "/" for url_path in url_paths]
    showing = [*parents, *linking.values_list("url_path", flat=True)]
    roots = [root.root_path for root in Site.get_site_root_paths()]
    scopes = {"/"} | {
        "/" + path[len(root) :] for path in [*url_paths, *showing] for root in roots
        if path.startswith(root)
    }  # fmt: skip
    generations.bump(scopes)
    transaction.on_commit(partial(after_commit, scopes, showing))


def purge_site(**signal_arguments):
    generations.bump([generations.SITE])
    transaction.on_commit(partial(after_commit, [generations.SITE], []))


def after_commit(scopes, showing_url_paths):
    generations.bump(scopes)
    if not settings.WAGTAILFRONTENDCACHE:
        return
    # The pages' own routes too (a theme's listings, the site's feed and sitemap): Wagtail asks
    # Page.get_cached_paths(). After a site-wide change, items age out of the CDN (s-maxage).
    site_wide = scopes == [generations.SITE]
    pages = Page.objects.live().filter(depth__lte=3 if site_wide else 2)
    batch = PurgeBatch()
    pages |= Page.objects.live().filter(url_path__in=showing_url_paths)
    batch.add_pages(pages.specific())
    for root in Site.get_site_root_paths():
        batch.add_urls(root.root_url + scope for scope in scopes if scope != generations.SITE)
    batch.purge()
