#!/usr/bin/env bash
# System packages the test suite needs: a real Chromium for browser tests, Java for the Nu HTML
# Checker, npm to install it and axe-core (`make node-deps`), a Redis server of the tests' own
# (a full Redis, started and filled by tests/operations/test_cache_faults.py), wrk (the
# benchmarks' load generator, whose address rotation tests/bench checks).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)

exec "$(dirname "$0")/apt-install.sh" "tests" "${missing[@]}"
