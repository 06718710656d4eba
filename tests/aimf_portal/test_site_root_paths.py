"""Each link of a page is made from the site's root paths read once per request.

`{% pageurl %}` without the request reads Wagtail's cached list of site roots for every link:
the header alone has 23 themes, so a render paid 27 cache round trips for it (Redis in
production). The header, footer and breadcrumb tags hand the request to their templates.
"""

from unittest import mock

import pytest
from wagtail.models import Site

from aimf_portal.factories import ThemePageFactory
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def settings_without_page_cache(settings):
    settings.PAGE_CACHE_TIMEOUT = 0


def test_a_page_reads_the_site_root_paths_once_whatever_its_links(
    client, theme, settings_without_page_cache
):
    ThemePageFactory.create_batch(22)
    news = NewsPageFactory(parent=theme)

    for url in ("/", theme.url, news.url):
        with mock.patch.object(
            Site, "get_site_root_paths", autospec=True, side_effect=Site.get_site_root_paths
        ) as root_paths:
            assert client.get(url).status_code == 200
        assert root_paths.call_count == 1, url
