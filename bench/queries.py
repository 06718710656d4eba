"""SQL queries per page, cold and warm cache, measured in-process; prints JSON.

`python -m bench.queries PATH...` runs with the environment of the servers being measured
(production settings, same database and Redis), so the counts are those gunicorn's workers
make: Django's test Client goes through every middleware, CaptureQueriesContext counts. Cold
is a page's first request after every cache is emptied, warm the next one. With `--news-page`, it
prints the path of the most recent hand-written news item of the Culture / Patrimoine theme;
with `--page-id PATH`, the id of the page served at PATH.
"""

import json
import sys

import django


def news_page_path(theme_slug):
    from aimf_portal.models import ThemePage
    from news.models import NewsPage

    theme = ThemePage.objects.live().get(slug=theme_slug)
    news = (
        NewsPage.objects.live()
        .public()
        .child_of(theme)
        .exclude(slug__startswith="demo-scale-")
        .order_by("-first_published_at")
        .first()
    )
    return news.url


def page_id(path):
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    return Page.objects.get(url_path=root.url_path + path.lstrip("/")).pk


def count_queries(paths):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        for cache in caches.all(initialized_only=False):
            cache.clear()
        per_state = {}
        for state in ("cold", "warm"):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            per_state[state] = len(captured)
            per_state[f"{state}_status"] = response.status_code
            per_state[f"{state}_x_cache"] = response.get("X-Cache", "")
        counts[path] = per_state
    return counts


def main(arguments):
    django.setup()
    if arguments[:1] == ["--news-page"]:
        print(json.dumps({"news_page": news_page_path(arguments[1])}))
    elif arguments[:1] == ["--page-id"]:
        print(json.dumps({"page_id": page_id(arguments[1])}))
    else:
        print(json.dumps(count_queries(arguments)))


if __name__ == "__main__":
    main(sys.argv[1:])
