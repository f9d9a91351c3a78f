# The two set-up commands: `make demo` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test install messages assets lint check serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

install: $(STAMP) messages assets

messages: $(STAMP)
	@$(BIN)/python scripts/compile_messages.py

assets:
	@bash scripts/install_assets.sh

demo: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/govsite demo
	@bash scripts/serve_demo.sh

test: install
	@echo "== test suite on SQLite"
	GOVSITE_TEST_DATABASE_URL= $(BIN)/python -m pytest -q
	@if [ -n "$$GOVSITE_TEST_DATABASE_URL" ]; then \
		echo "== test suite again on $$GOVSITE_TEST_DATABASE_URL"; \
		$(BIN)/python -m pytest -q; \
	fi

lint: $(STAMP)
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run -v0

clean:
	rm -rf $(VENV) var node_modules govsite/static/vendor
