# The edition's one command surface: the README and CI use these targets word for word.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | sha256sum | cut -c1-12)

.PHONY: help setup system-deps build pdf anchors archives linkcheck serve test test-fast lint bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP) ## Create .venv with the locked Python packages

# The Nu HTML Checker for the tests; --ignore-scripts because vnu-jar's own script downloads a Java.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

system-deps: ## Install the Debian packages the build and tests need (as root)
	@missing=$$(for p in $$(grep -v '^#' debian-packages.txt); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: system-deps setup ## Validate sources and essay, render and check the site into site/
	$(PY) -m edition.publish

PAPER ?= a4
pdf: system-deps setup ## Write only the PDF into site/ (PAPER=letter for US Letter)
	$(PY) -m edition.publish.pdf --paper $(PAPER)

linkcheck: setup ## Check every external address of the sources and pages, online (not part of build)
	$(PY) -m edition.tools.linkcheck

archives: setup ## Find archived copies of the sources online (Wayback Machine); WRITE=1 records them
	$(PY) -m edition.tools.archives $(if $(WRITE),--write)

anchors: system-deps setup ## Build, and record the site's page URLs and #anchors in anchors.lock
	$(PY) -m edition.publish --update-anchors

serve: build ## Build, then serve at http://127.0.0.1:8000 with live reload
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: system-deps setup node_modules/.installed ## Run the whole test suite (on every core); names the 25 slowest
	$(PY) -m pytest --durations=25

test-fast: setup ## Run the tests that need no build, PDF or browser (under a minute)
	$(PY) -m pytest -m "not build and not pdf and not browser" --hypothesis-profile=fast

lint: setup ## Check the code with ruff (configuration and reasons in pyproject.toml)
	$(VENV)/bin/ruff check scripts tests

LIGHTHOUSE_VERSION := 12.8.2
.cache/lighthouse/.installed:
	mkdir -p .cache/lighthouse
	echo '{"private": true}' > .cache/lighthouse/package.json  # its own root, not the project's package.json
	cd .cache/lighthouse && npm install --no-audit --no-fund --no-save lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

bench: build .cache/lighthouse/.installed ## Print speed and size figures against targets (BENCH_ARGS=--record to keep them)
	$(PY) -m edition.tools.bench $(BENCH_ARGS)

lock: ## Re-pin requirements.lock from a fresh install of pyproject.toml
	rm -rf /tmp/edition-lock && python3 -m venv /tmp/edition-lock
	/tmp/edition-lock/bin/pip install --quiet '.[test]'
	{ sed -n '1,2p' requirements.lock; /tmp/edition-lock/bin/pip freeze --exclude-editable | grep -v '^iraq-restraint-edition'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean: ## Remove the built site and caches (keeps .venv and node_modules)
	rm -rf site .cache .pytest_cache
