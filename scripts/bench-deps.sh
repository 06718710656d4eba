#!/usr/bin/env bash
# System tools `make bench` and `make drills` need: wrk (load), redis-server and the
# PostgreSQL server binaries (a cluster and a Redis of their own for the drills), pg_dump.
set -euo pipefail

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)

exec "$(dirname "$0")/apt-install.sh" "mesures et exercices de panne" "${missing[@]}"
