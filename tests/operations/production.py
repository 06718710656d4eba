"""A production process, started as an operator starts one: the documented environment."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The production environment documented in docs/deploy.md.
PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "aimf_portal.settings.production",
    "SECRET_KEY": "kX3f9-pQ2vZ8rT7yL1mN6bW4cH0jD5sA-gE8uR2oI9tY3wV7qB1nM6xK4zP0fS5hJ",
    "ALLOWED_HOSTS": "www.aimf.example,aimf.example",
    "CSRF_TRUSTED_ORIGINS": "https://www.aimf.example,https://aimf.example",
    "DATABASE_URL": "postgres://aimf:motdepasse@db.aimf.example:5432/aimf",
    "EMAIL_URL": "smtp+tls://portail:motdepasse@smtp.aimf.example:587",
    "REDIS_URL": "redis://cache.aimf.example:6379/0",
}


def run(code_or_args, environment, drop=()):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENVIRONMENT}
    env.update(environment)
    for name in drop:
        env.pop(name, None)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
