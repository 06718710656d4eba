"""Fixtures shared by every test folder, registered once in tests/conftest.py.

Every test writes its files to a temporary media folder and starts with an empty cache
(renditions, site data and rate-limit counters are cached; a cache left over from another test
would change results, query counts and limits).
"""

import io
from tempfile import SpooledTemporaryFile

import pytest
from django.core.cache import cache

from aimf_portal.factories import ThemePageFactory


class InMemoryRenditionBuffer(SpooledTemporaryFile):
    """The buffer Wagtail renders a rendition into, kept in memory.

    Wagtail never closes that buffer (`AbstractImage.generate_rendition_file`). Pillow's JPEG
    encoder asks it for a `fileno()`, which turns it into an OS temporary file; the file is
    then left for the garbage collector, whose ResourceWarning fails whichever test is running
    under `filterwarnings = error`. Refusing `fileno()` makes Pillow write through `write()`.
    """

    def fileno(self):
        raise io.UnsupportedOperation("rendition buffers stay in memory in tests")


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path, monkeypatch):
    """Uploaded files and renditions go to a temporary folder, rendition buffers stay in memory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    monkeypatch.setattr("wagtail.images.models.SpooledTemporaryFile", InMemoryRenditionBuffer)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def theme(db):
    """The seed's theme, at /culture-patrimoine/."""
    return ThemePageFactory(title="Culture / Patrimoine")
