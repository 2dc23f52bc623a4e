# One entry point for people and CI. Every target creates the virtualenv first if needed;
# set-up output goes to stderr so that `make run` keeps stdout for the MCP protocol.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck imports check bench docs reference clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install --quiet --upgrade pip >&2
	@$(BIN)/python -m pip install --quiet -e '.[dev]' >&2
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	@$(BIN)/gauzy-mcp

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

check: lint typecheck imports test

bench: $(STAMP)
	$(BIN)/python -m benchmarks

docs: $(STAMP)
	$(BIN)/python -m tools.tool_table > docs/tools.md

# The Gauzy model's trimmed copy of ../shared/reference (or $$GAUZY_REFERENCE_DIR); run when it changes.
reference: $(STAMP)
	$(BIN)/python -m tools.derive_gauzy_reference

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
