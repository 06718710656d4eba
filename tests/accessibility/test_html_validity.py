"""Every public page type is valid HTML5 for the Nu HTML Checker, and so is our CSS.

All documents go to one vnu run: each run starts a Java virtual machine (a few seconds).
Errors and warnings both fail (there are none today); vnu's plain information messages do not.
"""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from .site import form_answers, public_pages
from .tools import VNU_JAR, installed

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))


def run_vnu(paths):
    java = shutil.which("java")
    assert java, "Java manque : lancez `make test`, qui l'installe (scripts/system-deps.sh)."
    completed = subprocess.run(
        [java, "-jar", str(installed(VNU_JAR)), "--format", "json", "--stdout",
         "--exit-zero-always", "--also-check-css", *map(str, paths)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(completed.stdout)["messages"]


def complaints_by_document(messages, names):
    found = {}
    for message in messages:
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        document = names.get(message.get("url", "").removeprefix("file:"), message.get("url"))
        found.setdefault(document, []).append(
            f"ligne {message.get('lastLine', '?')} : {message['message']}"
            f" [{message.get('extract', '').strip()[:80]}]"
        )
    return found


def test_every_public_page_and_stylesheet_is_valid(client, public_site, tmp_path):
    visits = [(name, path, None, status) for name, path, status in public_pages(public_site)]
    names = {}
    for number, (name, path, data, status) in enumerate(visits + form_answers(public_site)):
        response = client.get(path) if data is None else client.post(path, data)
        assert response.status_code == status, f"{name} ({path}) : {response.status_code}"
        document = tmp_path / f"{number:02d}.html"
        document.write_bytes(response.content)
        names[str(document)] = f"{name} ({path})"
    names.update({str(stylesheet): stylesheet.name for stylesheet in STYLESHEETS})

    complaints = complaints_by_document(run_vnu([*map(Path, names)]), names)

    assert not complaints, "Erreurs et avertissements du Nu HTML Checker :\n" + "\n".join(
        f"- {document} :\n    " + "\n    ".join(messages)
        for document, messages in complaints.items()
    )
