"""The benchmark database: created, migrated and loaded the first time, then reused."""

import json
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from .servers import REPO


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


def prepare(env, scale):
    """Migrate, load the demo at `scale`, collect static files.

    The loader skips what exists (a loaded database costs seconds, not minutes) and redraws
    demo files missing from MEDIA_ROOT, as in a fresh checkout next to a loaded database.
    """
    ensure_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_demo_content", "--scale", str(scale))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def static_path(logical_name):
    """The hashed URL path of a static file, from whitenoise's manifest."""
    manifest = json.loads((REPO / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"][logical_name]
