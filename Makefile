# warlog — `make demo` and `make test` work on a fresh machine: they create .venv and install the
# project with the pinned versions in constraints.txt first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint eval clean lock

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

## demo: ingest the bundled demo corpus into demo.db, print a summary, write exports to demo-out/
demo: $(STAMP)
	$(BIN)/warlog demo --db demo.db --out demo-out

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: ingest speed against bare spaCy (BENCH_CORPUS=file.jsonl to use another corpus)
bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py $(if $(BENCH_CORPUS),--corpus $(BENCH_CORPUS))

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
