# Two commands on a fresh machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# The test suite's checkers from npm (axe-core, vnu-jar), reinstalled when the lock file changes.
NODE_INSTALLED := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)

.PHONY: help install node-deps run serve migrate demo superuser test lint format system-deps bench bench-newsletter drills clean

help:
	@echo "make run        installe, migre, charge la démo et sert http://127.0.0.1:$(PORT)/"
	@echo "make test       installe et lance toute la suite (ruff, pytest, navigateur)"
	@echo "make superuser  crée un compte administrateur (mot de passe demandé)"
	@echo "make format     reformate le code (ruff)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(INSTALLED)

# --ignore-scripts: vnu-jar's install script would download a Java; we use Debian's.
$(NODE_INSTALLED): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

node-deps: $(NODE_INSTALLED)

migrate: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

run: demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Le portail est servi sur http://127.0.0.1:$(PORT)/ (administration : /admin/)."
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

superuser: migrate
	$(BIN)/python manage.py createsuperuser

system-deps:
	@./scripts/system-deps.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install system-deps node-deps lint
	$(BIN)/python -m pytest

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/aimf_bench
BENCH_SCALE ?= 10000
export BENCH_DATABASE_URL BENCH_SCALE

# gunicorn + wrk on PostgreSQL loaded with BENCH_SCALE items per kind (the first run loads
# them), then the facet listing's server time and query plans, the member cities' pages and the
# actions map, then the addresses the page cache cannot serve (and the same at
# BENCH_GROWTH_SCALES). Results in bench/results/.
bench: install
	@./scripts/bench-deps.sh
	$(BIN)/python -m bench.pages
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/facets.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/places.py
	$(BIN)/python -m bench.cold

# An issue sent to 100,000 synthetic subscribers: rate and memory, bench/results/newsletter.md.
bench-newsletter: install
	$(BIN)/python -m bench.newsletter_send

# The ten failure drills (load, PostgreSQL restart, Redis down, two servers, backup and restore,
# invented-address flood, restricted pages without Redis, login lockout behind a proxy, the
# newsletter worker killed mid-send, a crawler): bench/results/drills.md. DRILLS=2,3 runs some.
drills: install
	@./scripts/bench-deps.sh
	$(BIN)/python -m bench.drills

clean:
	rm -rf $(VENV) var staticfiles media .pytest_cache node_modules
