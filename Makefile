# Two commands for a fresh machine: `make run` (demo site) and `make test` (whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test install bytecode translations browser wrk migrate demo messages lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BYTECODE)
	rm -f $(VENV)/.installed-*
	touch $@

# gunicorn runs as `python -OO` (gunicorn.conf.py), whose bytecode pip does not write. Without it,
# where the service may not write to the checkout or PYTHONDONTWRITEBYTECODE is set, every start
# compiles each module from source: building the app took 1.4 s of CPU instead of 0.6.
BYTECODE = $(BIN)/python -OO -m compileall -q -j 0 $(VENV)/lib partizipation tools
bytecode: install
	$(BYTECODE)

translations: install
	$(BIN)/python tools/i18n.py compile

migrate: install
	$(BIN)/partizipation migrate

demo: migrate
	$(BIN)/partizipation demo-data

# Links in mail come from BASE_URL only (one rule); here it follows the address served.
run: translations demo
	PARTIZIPATION_BASE_URL="$${PARTIZIPATION_BASE_URL:-http://$(HOST):$(PORT)}" \
	$(BIN)/flask --app partizipation run --host $(HOST) --port $(PORT)

# Chromium for the browser tests: Debian's package where apt runs as root (these machines),
# otherwise Playwright's own download.
browser: install
	@if $(BIN)/python tools/browser.py --check >/dev/null 2>&1; then \
	  echo "Chromium: $$($(BIN)/python tools/browser.py --check)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
	  $(BIN)/python -m playwright install chromium; \
	fi

# Two test processes (pytest-xdist), for the ten minutes the suite should keep to on a 2-core
# machine (9-10½ on the hosts of December 2026, 12½-15 on the slowest; see README); the
# 25 slowest tests are listed at the end, to see where the time goes when it grows. A process
# that runs out of tests takes half of the other's waiting ones (worksteal): with the default
# distribution, each process is first given a run of consecutive tests, and one run held every
# browser test: one process ran for 12½ minutes while the other had finished after 3.
PYTEST_ARGS ?= -n 2 --dist worksteal --durations=25
test: translations browser
	$(BIN)/pytest $(PYTEST_ARGS)

messages: install
	$(BIN)/python tools/i18n.py extract

lint: install
	$(BIN)/ruff check partizipation tests tools migrations
	$(BIN)/mypy

# wrk, the load generator of `make bench`: Debian's package (installed like Chromium above).
wrk:
	@if command -v wrk >/dev/null; then \
	  echo "wrk: $$(command -v wrk)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; \
	else \
	  echo "make bench needs wrk: sudo apt-get install wrk" >&2; exit 1; \
	fi

# Pages over HTTP (gunicorn, 2 workers) against a hello-world app; BENCH_ARGS e.g. --duration 3.
BENCH_ARGS ?=
bench: translations wrk
	$(BIN)/python tools/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache
