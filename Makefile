# The two commands: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
PY := .venv/bin/python
SHARED := clients/shared
WIDGET := clients/widget
DASHBOARD := clients/dashboard
# The sources a client build depends on: its own files and what it imports from clients/shared.
sources = $(shell find $(1) $(SHARED)/src -path '*/node_modules' -prune -o -path '*/dist' -prune -o -type f -print)

.PHONY: run test install build lint bench soak clean

## make run: the whole product on embedded defaults, until Ctrl-C
run: install build
	$(PY) -m devtools.stack run

## make test: every test, against real services started (and stopped) for the run
test: install build
	./devtools/ensure-chromium.sh
	@for client in $(SHARED) $(WIDGET) $(DASHBOARD); do (cd $$client && npm test --silent) || exit 1; done
	$(PY) -m devtools.stack exec -- $(PY) -m pytest

install:
	./devtools/bootstrap.sh

build: $(WIDGET)/dist/widget.js $(DASHBOARD)/dist/index.html

$(WIDGET)/dist/widget.js: $(call sources,$(WIDGET))
	cd $(WIDGET) && npm run build --silent

$(DASHBOARD)/dist/index.html: $(call sources,$(DASHBOARD))
	cd $(DASHBOARD) && npm run build --silent

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	.venv/bin/lint-imports --no-cache
	cd devtools/ferretdb && test -z "$$(gofmt -l .)" && go vet .

clean:
	rm -rf var .venv $(WIDGET)/dist $(DASHBOARD)/dist

## make bench: delivery latency, scale and cost against a bare baseline, in one run
bench: install build
	$(PY) -m bench

## make soak: minutes of mixed traffic with reconnects and a Redis restart (SOAK_SECONDS=600 for longer)
soak: install build
	$(PY) -m devtools.stack exec -- $(PY) -m tests.support.soak --seconds $${SOAK_SECONDS:-180}
