"""Media storage: an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set, local otherwise.

Production settings are loaded in a fresh process, as an operator's server loads them. Nothing
here reaches the network: building the storage and its URLs needs no request to the store.
"""

import json

from tests.operations.production import PRODUCTION_ENVIRONMENT, run

SHOW_STORAGE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
storage = storages["default"]
print(json.dumps({
    "backend": type(storage).__module__ + "." + type(storage).__name__,
    "options": settings.STORAGES["default"].get("OPTIONS", {}),
    "url": storage.url("original_images/hue.jpg"),
    "docs_serve_method": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
}))
"""

S3_VARIABLES = {
    "AWS_STORAGE_BUCKET_NAME": "aimf-medias",
    "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.example",
    "AWS_S3_REGION_NAME": "fr-par",
    "AWS_S3_CUSTOM_DOMAIN": "medias.aimf.example",
    "AWS_ACCESS_KEY_ID": "cle-d-acces-de-test",
    "AWS_SECRET_ACCESS_KEY": "secret-de-test",
}
S3_ENVIRONMENT = {**PRODUCTION_ENVIRONMENT, **S3_VARIABLES}


def storage_in(environment, drop=()):
    result = run(SHOW_STORAGE, environment, drop=drop)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_bucket_name_switches_media_to_s3():
    shown = storage_in(S3_ENVIRONMENT)
    assert shown["backend"] == "storages.backends.s3.S3Storage"
    options = shown["options"]
    assert options["bucket_name"] == "aimf-medias"
    assert options["endpoint_url"] == "https://s3.fr-par.scw.example"
    assert options["region_name"] == "fr-par"
    assert options["file_overwrite"] is False
    assert options["default_acl"] is None
    assert options["querystring_auth"] is False
    assert "access_key" not in options and "secret_key" not in options
    assert shown["url"] == "https://medias.aimf.example/original_images/hue.jpg"
    assert shown["docs_serve_method"] == "serve_view"


def test_without_a_custom_domain_urls_point_at_the_store_unsigned():
    shown = storage_in(S3_ENVIRONMENT, drop=["AWS_S3_CUSTOM_DOMAIN"])
    assert shown["url"].startswith("https://s3.fr-par.scw.example/aimf-medias/original_images/")
    assert "Signature" not in shown["url"]


def test_without_a_bucket_media_stay_local():
    shown = storage_in(PRODUCTION_ENVIRONMENT, drop=list(S3_VARIABLES))
    assert shown["backend"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert shown["url"] == "/media/original_images/hue.jpg"
    assert shown["docs_serve_method"] is None


def test_check_deploy_stays_silent_with_s3_media():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], S3_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
