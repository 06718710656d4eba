# Every test writes media to a temporary folder and starts with an empty cache.
pytest_plugins = ["tests.browser", "tests.aimf_portal.fixtures"]
