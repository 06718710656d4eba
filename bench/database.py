"""The benchmark database: created, migrated and loaded once, then reused as it is."""

import json
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from .servers import REPO

SCALE_SLUG_PREFIX = "demo-scale-"
KINDS_AT_SCALE = 3  # news, actions and publications


def manage(env, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=REPO, env=env, check=True)


def maintenance_url(database_url):
    """The same server's `postgres` database, where CREATE DATABASE runs."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path="/postgres"))


def database_name(database_url):
    return urlsplit(database_url).path.lstrip("/")


def ensure_database(database_url):
    with psycopg.connect(maintenance_url(database_url), autocommit=True) as connection:
        name = database_name(database_url)
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            print(f"Création de la base {name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def scale_pages(database_url):
    with psycopg.connect(database_url) as connection:
        has_pages = connection.execute("SELECT to_regclass('wagtailcore_page')").fetchone()[0]
        if has_pages is None:
            return 0
        return connection.execute(
            "SELECT count(*) FROM wagtailcore_page WHERE slug LIKE %s", [SCALE_SLUG_PREFIX + "%"]
        ).fetchone()[0]


def prepare(env, scale):
    """Migrate, load the demo at `scale` unless it is there already, collect static files."""
    database_url = env["DATABASE_URL"]
    ensure_database(database_url)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    if scale_pages(database_url) >= KINDS_AT_SCALE * scale:
        print(f"Démo déjà chargée à l'échelle {scale} : chargement sauté.")
    else:
        manage(env, "load_demo_content", "--scale", str(scale))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def static_path(logical_name):
    """The hashed URL path of a static file, from whitenoise's manifest."""
    manifest = json.loads((REPO / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"][logical_name]
