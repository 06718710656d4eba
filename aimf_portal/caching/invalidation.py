"""What each change makes stale, here and in the CDN; connected by AimfPortalConfig.ready().

- A page whose kind is shown on every page (`shown_on_every_page`: themes in the menu, plain
  pages in the footer, the home page), a view restriction, or a model of
  settings.SITE_WIDE_CACHE_MODELS (countries, sites, settings, the consent text): the site's
  generation moves, and every cached page, fragment and datum is stale.
- Any other page (an item): the pages that show it go stale, and only they: its own address
  (before and after a move), its parent's (a theme page and its listings), the site's root (home
  page, site-wide feed, sitemap) and every page that links to it (Wagtail's reference index: a
  promo, a link in a text).

Generations move at once, then again after the commit with the CDN purge: a request rendered
in between, from data not yet committed, would otherwise stay cached with the old content.
"""

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

ROOT_SCOPE = "/"


def connect():
    page_published.connect(on_publication, dispatch_uid="aimf-cache-published")
    page_unpublished.connect(on_publication, dispatch_uid="aimf-cache-unpublished")
    post_page_move.connect(on_move, dispatch_uid="aimf-cache-moved")
    post_save.connect(on_page_created, dispatch_uid="aimf-cache-page-created")
    for label in [*settings.SITE_WIDE_CACHE_MODELS, "wagtailcore.PageViewRestriction"]:
        model = apps.get_model(label)
        post_save.connect(on_site_wide_change, sender=model, dispatch_uid=f"aimf-cache-{label}")
        post_delete.connect(on_site_wide_change, sender=model, dispatch_uid=f"aimf-cache-{label}")


def on_publication(sender, instance, **kwargs):
    page_changed(instance, [instance.url_path])


def on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    # A moved subtree carries its view restrictions to new tree paths.
    restricted = PageViewRestriction.objects.filter(page__path__startswith=instance.path)
    if restricted.exists():
        purge_site()
    else:
        page_changed(instance, [url_path_before, url_path_after])


def on_page_created(sender, instance, created, **kwargs):
    # Editors change live pages through publish, unpublish and move (above); code that creates
    # a live page directly sends only this signal.
    if created and isinstance(instance, Page) and instance.live:
        page_changed(instance, [instance.url_path])


def on_site_wide_change(sender, **kwargs):
    purge_site()


def public_paths(url_paths):
    """Addresses on the site of Wagtail url_paths ("/home/culture/x/" → "/culture/x/")."""
    roots = [root.root_path for root in Site.get_site_root_paths()]
    return {
        "/" + url_path[len(root) :]
        for url_path in url_paths
        for root in roots
        if url_path.startswith(root)
    }


def parent_url_path(url_path):
    return url_path.rstrip("/").rpartition("/")[0] + "/"


def url_paths_linking_to(page):
    page_type = ContentType.objects.get_for_model(Page)
    links = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    linking = Page.objects.filter(
        pk__in=[int(pk) for pk in links.values_list("object_id", flat=True)]
    )
    return list(linking.values_list("url_path", flat=True))


def page_changed(page, url_paths):
    if getattr(page.specific_deferred, "shown_on_every_page", False):
        purge_site()
        return
    showing = [*map(parent_url_path, url_paths), *url_paths_linking_to(page)]
    paths = public_paths([*url_paths, *showing]) | {ROOT_SCOPE}
    generations.bump(paths)
    transaction.on_commit(partial(after_commit, paths, showing))


def purge_site():
    generations.bump([generations.SITE])
    transaction.on_commit(partial(after_commit, set(), [], site_wide=True))


def after_commit(paths, showing_url_paths, site_wide=False):
    generations.bump([generations.SITE] if site_wide else paths)
    if not settings.WAGTAILFRONTENDCACHE:
        return
    # The pages' own routes too (a theme's listings, the site's feed and sitemap), through
    # Page.get_cached_paths(). Items age out of the CDN (s-maxage) after a site-wide change.
    pages = Page.objects.live().filter(depth__lte=3 if site_wide else 2)
    pages |= Page.objects.live().filter(url_path__in=showing_url_paths)
    batch = PurgeBatch()
    batch.add_pages(pages.specific())
    for root in Site.get_site_root_paths():
        batch.add_urls(root.root_url + path for path in paths)
    batch.purge()
