# warlog — `make demo` and `make test` work on a fresh machine: they create .venv and install the
# project with the pinned versions in constraints.txt first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench bench-api calibration lint eval clean lock chromium postgresql web-assets

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium

$(CHROMIUM):
	$(SUDO) apt-get install -y chromium || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

chromium: $(CHROMIUM)

# Debian's PostgreSQL server for the PostgreSQL store's tests (they start a real server with its
# initdb and pg_ctl). The path is the installed initdb when there is one; otherwise a path that
# never exists, so that the rule installs the package.
INITDB := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb) /usr/lib/postgresql/bin/initdb)

$(INITDB):
	$(SUDO) apt-get install -y postgresql || ($(SUDO) apt-get update && $(SUDO) apt-get install -y postgresql)

postgresql: $(INITDB)

## demo: ingest the bundled demo corpus into demo.db, print a summary, write exports to demo-out/,
## then serve the dashboard on http://127.0.0.1:8000/ (DEMO_NO_SERVE=1 stops after the exports)
demo: $(STAMP)
	$(BIN)/warlog demo --db demo.db --out demo-out
	@if [ -z "$(DEMO_NO_SERVE)" ]; then $(BIN)/warlog serve --db demo.db; fi

## test: the whole test suite (installs Debian's chromium for the browser tests and postgresql for
## the PostgreSQL store's tests first)
test: $(STAMP) $(CHROMIUM) $(INITDB)
	$(BIN)/python -m pytest

## bench: ingest speed against bare spaCy (BENCH_CORPUS=file.jsonl to use another corpus),
## then incident linking at scale (100,000 synthetic events)
bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py $(if $(BENCH_CORPUS),--corpus $(BENCH_CORPUS))
	$(BIN)/python bench/bench_link.py

## bench-api: requests/s and p95 latency of the map's queries over 100,000 events on loopback
bench-api: $(STAMP)
	$(BIN)/python bench/bench_api.py

## calibration: incident confidence vs FA-KES credible/fake labels (AUC), on a fresh fakes-dev run
calibration: $(STAMP)
	rm -rf bench-out/eval  # a kept database would be re-ingested idempotently: old analyses, not new
	$(PYTHON) ../shared/eval/run_eval.py fakes-dev --keep bench-out/eval
	$(BIN)/python bench/calibration.py --exports bench-out/eval --set fakes-dev

## web-assets: rebuild the vendored Leaflet, Swagger UI and basemap from the npm registry (needs npm)
web-assets:
	bash src/warlog/web/build.sh

## lint: ruff and mypy
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

## eval: run the shared evaluation (needs ../shared beside the project)
eval: $(STAMP)
	$(PYTHON) ../shared/eval/run_eval.py

## lock: re-pin constraints.txt from what is installed in .venv
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^warlog' > constraints.txt

clean:
	rm -rf demo.db demo.db-wal demo.db-shm demo-out bench-out .pytest_cache .mypy_cache .ruff_cache
