# The README's two commands: `make run` (product on the bundled samples) and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
export CHIDAO_DATA_DIR ?= ./data

.PHONY: run test lint bench bench-large install install-dev browser clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-dev: $(BIN)/python browser
	$(BIN)/pip install -q -e ".[dev,st]"

# Debian chromium for the browser test (Playwright drives it; it never downloads a browser).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

run: install
	$(BIN)/chidao ingest samples/notices
	$(BIN)/chidao serve --host 127.0.0.1 --port 8000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/pytest -q

bench: install-dev
	$(BIN)/python -m bench.run --sizes 1000,10000

bench-large: install-dev
	$(BIN)/python -m bench.run --sizes 1000,10000,62000,100000

clean:
	rm -rf $(VENV) data .pytest_cache
