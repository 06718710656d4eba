#!/usr/bin/env bash
# System packages the test suite needs: a real Chromium for browser tests, Java for the Nu HTML
# Checker, npm to install it and axe-core (`make node-deps`).
# Installed with apt-get when run as root; otherwise we stop and print the exact command.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    echo "Installation des paquets système manquants : ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "Paquets système manquants pour les tests : ${missing[*]}" >&2
    echo "Installez-les avec :" >&2
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
