"""The system-package scripts: as a regular user they stop with the exact command to run."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture
def regular_user_path(tmp_path):
    """A PATH with the shell's basics and an `id` that answers a regular user's uid, no more."""
    for tool in ("bash", "dirname", "cat"):
        (tmp_path / tool).symlink_to(shutil.which(tool))
    fake_id = tmp_path / "id"
    fake_id.write_text("#!/bin/sh\necho 1000\n")
    fake_id.chmod(0o755)
    return str(tmp_path)


@pytest.mark.parametrize(
    ("script", "packages"),
    [
        ("system-deps.sh", "chromium default-jre-headless npm redis-server wrk"),
        ("bench-deps.sh", "wrk redis-server postgresql-client"),
    ],
)
def test_a_regular_user_gets_the_exact_command(regular_user_path, script, packages):
    completed = subprocess.run(
        [shutil.which("bash"), str(SCRIPTS / script)],
        env={**os.environ, "PATH": regular_user_path},
        capture_output=True,
        text=True,
    )

    assert completed.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends" in (
        completed.stderr
    )
    assert packages in completed.stderr


def test_nothing_missing_installs_nothing(regular_user_path):
    completed = subprocess.run(
        [shutil.which("bash"), str(SCRIPTS / "apt-install.sh"), "tests"],
        env={**os.environ, "PATH": regular_user_path},
        capture_output=True,
        text=True,
    )

    assert completed.returncode == 0
    assert completed.stderr == ""
