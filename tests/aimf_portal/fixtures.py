"""Fixtures shared by the aimf_portal, news, actions and publications tests.

Each of those folders' conftest.py imports them, so every test there writes its files to a
temporary media folder and starts with an empty cache (renditions and site root paths are
cached; a cache left over from another test would change both results and query counts).
"""

import pytest
from django.core.cache import cache

from aimf_portal.factories import ThemePageFactory


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def theme(db):
    """The seed's theme, at /culture-patrimoine/."""
    return ThemePageFactory(title="Culture / Patrimoine")
