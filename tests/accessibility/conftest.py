import pytest

from .site import build_public_site


@pytest.fixture
def public_site(db):
    return build_public_site()
