"""The two checkers from npm (package.json at the repository root, installed by `make test`)."""

from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def installed(tool):
    if not tool.exists():
        pytest.fail(
            f"{tool} manque : lancez `make test`, qui installe les outils npm "
            "(`npm ci --ignore-scripts`)."
        )
    return tool
