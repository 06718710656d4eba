#!/usr/bin/env bash
# Installs Debian packages with apt-get when run as root; otherwise stops and prints the exact
# command. Usage: scripts/apt-install.sh "<what needs them>" paquet… (system-deps.sh for the
# tests, bench-deps.sh for make bench and make drills).
set -euo pipefail

purpose="$1"
shift
[ $# -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "Installation des paquets système manquants ($purpose) : $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
else
    echo "Paquets système manquants ($purpose) : $*" >&2
    echo "Installez-les avec :" >&2
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $*" >&2
    exit 1
fi
