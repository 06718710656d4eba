from tests.aimf_portal.fixtures import empty_cache, isolated_media, theme  # noqa: F401
