# Waypoint: `make run` serves the demo on SQLite; `make test` runs the whole suite.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
export WAYPOINT_VAR_DIR ?= $(CURDIR)/var
PEOPLE ?= 2000
SEED ?= 1
HOST ?= 127.0.0.1:8000

.PHONY: run test check lint format typecheck setup demo messages browser-test clean

$(UV):
	@echo "uv not found: installing it for this user"
	@python3 -m pip install --user --quiet uv 2>/dev/null \
	  || python3 -m pip install --user --quiet --break-system-packages uv
	@test -x $(UV) || { echo "could not install uv; see https://docs.astral.sh/uv/"; exit 1; }

setup: $(UV)
	@$(UV) sync --frozen --quiet
	@$(UV) run waypoint migrate --verbosity 0

run: setup
	@if [ ! -f "$(WAYPOINT_VAR_DIR)/demo-loaded" ]; then \
	  $(UV) run waypoint demo --people $(PEOPLE) --seed $(SEED) --reset \
	  && touch "$(WAYPOINT_VAR_DIR)/demo-loaded"; \
	else echo "Demo data already loaded (make demo to rebuild it and print new passwords)."; fi
	@echo "Waypoint is at http://$(HOST)/"
	@# Background tasks (deduplication runs) need a worker: it runs beside the server.
	@WAYPOINT_DEBUG=1 $(UV) run waypoint db_worker --interval 2 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  WAYPOINT_DEBUG=1 $(UV) run waypoint runserver $(HOST)

demo: setup
	@$(UV) run waypoint demo --people $(PEOPLE) --seed $(SEED) --reset \
	  && touch "$(WAYPOINT_VAR_DIR)/demo-loaded"

test: $(UV)
	@$(UV) sync --frozen --quiet
	@$(UV) run pytest -q

browser-test: $(UV)
	@$(UV) sync --frozen --quiet
	@$(UV) run pytest -q -m browser

check: lint typecheck

lint: $(UV)
	@$(UV) run ruff check .
	@$(UV) run ruff format --check .

format: $(UV)
	@$(UV) run ruff check --fix .
	@$(UV) run ruff format .

typecheck: $(UV)
	@$(UV) run mypy

# Staff pages speak English and Bosnian; the portal speaks all eight (English is the source).
LOCALES := bs ar fa ps ur bn fr
messages: $(UV)
	@cd src/waypoint && $(UV) run waypoint makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete --ignore "*/tests/*"
	@cd src/waypoint && $(UV) run waypoint compilemessages $(addprefix -l ,$(LOCALES))

clean:
	rm -rf var .mypy_cache .ruff_cache
