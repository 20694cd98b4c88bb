# Two commands on a fresh machine: `make demo` builds the reference example into out/,
# `make test` runs the linters (ruff, the import contracts) and the whole test suite. Both create .venv/ on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE := examples/wmpcc-005-2013-technology-task-force.json

.PHONY: demo test install system-deps lint bench templates clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,serve]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/notice validate $(EXAMPLE)
	$(BIN)/notice build $(EXAMPLE) -o out --force
	@echo "Open the documents in out/ with Word or LibreOffice."
	@echo "Run notice as .venv/bin/notice (e.g. .venv/bin/notice --help), or first: source .venv/bin/activate"

# LibreOffice (for the PDF tests) and poppler are system packages, installed with apt if missing.
system-deps:
	@scripts/install-system-deps.sh

# ruff, then the layers of README's "How it is built" ([tool.importlinter] in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(STAMP) system-deps lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m notice_builder.bench
	$(BIN)/python bench/serve_bench.py

templates: $(STAMP)
	$(BIN)/python scripts/make_templates.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
