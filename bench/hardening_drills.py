"""The drills of the hardening issue (#15), run by `make drills` beside the reliability ones:
a flood of made-up addresses against a small Redis (both memory policies), restricted access
obeyed by every worker of a server without Redis, and a lockout that rotating
X-Forwarded-For does not get round. Each takes the drill runner's environment."""

import random
import shutil
import subprocess
import sys

import redis
from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM_FLAGS

from .pages import THEME_SLUG
from .servers import REPO, Gunicorn, http_get
from .wrk import run_wrk

FLOOD_SECONDS = 30
FLOOD_REDIS_MEMORY = "16mb"
FLOOD_ADDRESSES = 20_000
PRIVACY_REQUESTS = 30
LOCKOUT_TRIES = 8


def made_up_addresses(count, seed=15):
    """What a hostile crawler sends: long made-up paths, and real pages under every spelling
    of their filters (case, spaces, order, repeats, unknown values, parameters they ignore)."""
    rng = random.Random(seed)
    countries = ["bj", "BJ", "%20bj", "tn", "sn", "fr", "kh", "zz"]
    addresses = []
    for number in range(count):
        match number % 5:
            case 0:
                addresses.append(f"/page-inventee-{number}/{'x' * rng.randint(10, 3000)}/")
            case 1:
                pairs = [f"pays={rng.choice(countries)}" for _ in range(rng.randint(1, 50))]
                addresses.append(f"/{THEME_SLUG}/publications/?{'&'.join(pairs)}")
            case 2:
                addresses.append(f"/{THEME_SLUG}/?pays={rng.choice(countries)}&n={number}")
            case 3:
                page = rng.choice(["/", "/rss/", "/sitemap.xml", "/robots.txt"])
                addresses.append(f"{page}?type=x{number}")
            case 4:
                addresses.append(f"/{THEME_SLUG}/actualites/?page=0{rng.randint(1, 3)}")
    return addresses


def redis_figures(client):
    info = client.info("memory")
    return info["used_memory"], client.dbsize()


def cache_flood_drill(drill, env, redis_server, workdir):
    """30 s of made-up addresses with Redis capped at 16 MB, for each memory policy: no 5xx."""
    client = redis.Redis.from_url(redis_server.url)
    addresses = made_up_addresses(FLOOD_ADDRESSES)
    passed = True
    for policy in ("allkeys-lru", "noeviction"):
        client.flushall()
        client.config_set("maxmemory", FLOOD_REDIS_MEMORY)
        client.config_set("maxmemory-policy", policy)
        with Gunicorn(8232, env, f"inondation-{policy}") as app:
            memory_before, keys_before = redis_figures(client)
            result = run_wrk(app.base_url, addresses, seconds=FLOOD_SECONDS, workdir=workdir)
            memory_after, keys_after = redis_figures(client)
            ready = http_get(app.base_url + "/readyz")[0]
            home = http_get(app.base_url + "/")[0]
        server_errors = sum(n for status, n in result.statuses.items() if status >= 500)
        drill.note(
            f"{policy} : {result.requests} requêtes ({result.requests_per_second:.0f}/s), "
            f"statuts {dict(sorted(result.statuses.items()))}, 5xx {server_errors}, erreurs de "
            f"socket {result.socket_errors} ; Redis {memory_before / 2**20:.1f} → "
            f"{memory_after / 2**20:.1f} Mio, {keys_before} → {keys_after} clés ; "
            f"ensuite /readyz {ready}, / {home}"
        )
        passed &= server_errors == 0 and result.socket_errors == 0 and ready == home == 200
    client.config_set("maxmemory", "0")
    client.config_set("maxmemory-policy", "noeviction")
    drill.passed = passed


def manage_shell(env, code):
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )


RESTRICT = f"""
from wagtail.models import Page, PageViewRestriction
theme = Page.objects.get(slug="{THEME_SLUG}", depth=3)
PageViewRestriction.objects.create(page=theme, restriction_type=PageViewRestriction.LOGIN)
"""
UNRESTRICT = f"""
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.filter(page__slug="{THEME_SLUG}", page__depth=3).delete()
"""


def privacy_without_redis_drill(drill, env, workdir):
    """One server of three workers without Redis: an editor restricts a theme (on one worker,
    here a process of its own on the same cache); none of the workers serves it after that."""
    without_redis = dict(env, REDIS_URL="", CACHE_DIR=str(workdir / "cache-fichiers"))
    path = f"/{THEME_SLUG}/"
    with Gunicorn(8233, dict(without_redis, WEB_CONCURRENCY=3), "sans-redis") as app:
        before = [http_get(app.base_url + path) for _ in range(PRIVACY_REQUESTS)]
        manage_shell(without_redis, RESTRICT)
        try:
            after = [http_get(app.base_url + path) for _ in range(PRIVACY_REQUESTS)]
        finally:
            manage_shell(without_redis, UNRESTRICT)
    shown_before = sum(status == 200 and "<h1>" in body for status, _, body in before)
    leaked = sum(
        status == 200 and "Connexion" not in body and "connecter" not in body
        for status, _, body in after
    )
    drill.note(
        f"avant la restriction : {shown_before}/{PRIVACY_REQUESTS} réponses montrent la "
        f"thématique ; après : {leaked}/{PRIVACY_REQUESTS} la montrent encore "
        f"(les autres : page de connexion)"
    )
    drill.passed = shown_before == PRIVACY_REQUESTS and leaked == 0


def sign_in(page, base_url, password, forwarded_for):
    """One try at the admin login form, the status of its answer (429 once locked out)."""
    page.set_extra_http_headers({"X-Forwarded-For": forwarded_for})
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "exercice")
    page.fill("input[name=password]", password)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.click("button[type=submit]")
    return answer.value.status


CREATE_USER = """
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username="exercice", is_superuser=True)
user.set_password("{password}")
user.save()
"""


def spoofed_lockout_drill(drill, env, workdir):
    """Straight to gunicorn (not through a trusted proxy), 8 wrong passwords, each from a new
    forged X-Forwarded-For, then the right one: it must be refused (429)."""
    password = "mot-de-passe-de-l-exercice-42"
    manage_shell(env, CREATE_USER.format(password=password))
    manage_shell(env, "from axes.models import AccessAttempt; AccessAttempt.objects.all().delete()")
    # 127.0.0.1, from which these requests come, is not a trusted proxy here.
    direct = dict(env, FORWARDED_ALLOW_IPS="10.9.9.9")
    with (
        Gunicorn(8234, direct, "verrouillage") as app,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
        )
        try:
            page = browser.new_page()
            wrong = [
                sign_in(page, app.base_url, "mauvais", f"203.0.113.{number}")
                for number in range(LOCKOUT_TRIES)
            ]
            right = sign_in(page, app.base_url, password, "198.51.100.1")
        finally:
            browser.close()
    drill.note(
        f"{LOCKOUT_TRIES} mauvais mots de passe, chacun avec un X-Forwarded-For différent : "
        f"statuts {wrong} ; puis le bon mot de passe : {right}"
    )
    drill.passed = right == 429
