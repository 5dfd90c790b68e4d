# Every target sets itself up: the first run creates .venv and installs the
# exact versions pinned in requirements.lock, so a fresh clone needs only
# Python 3.11, git, make and Node.js.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.package-lock.json
OFFLINE_ZIP := dist/go-for-backend-systems-offline.zip
MKDOCS := $(BIN)/mkdocs
ADDR ?= 127.0.0.1:8000
# `make build ENGINE=zensical` and `make serve ENGINE=zensical` use Zensical,
# Material's successor, on the same pages and data (README: "Building with Zensical").
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs zensical),)
$(error ENGINE=$(ENGINE): expected mkdocs or zensical)
endif
# Zensical loads macros/__init__.py by file; its relative imports need the
# project on the import path, as pytest has it through `pythonpath`.
ZENSICAL := PYTHONPATH=$(CURDIR) $(BIN)/zensical
ZENSICAL_CONFIG := mkdocs.zensical.yml

# Material prints an end-of-life banner on every build; it is known, so hush it.
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The Go examples use the standard library only: never download a toolchain or module.
export GOTOOLCHAIN := local
export GOPROXY := off
export GOFLAGS := -mod=mod
export GOCACHE := $(CURDIR)/.cache/go-build
export GOPATH := $(CURDIR)/.cache/go

.PHONY: help serve build test examples clean lock schema bench offline audit check review

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

serve: $(STAMP) ## Preview the site with live reload on http://127.0.0.1:8000 (ENGINE=zensical: with Zensical)
ifeq ($(ENGINE),zensical)
	SITE_URL=http://$(ADDR)/ $(ZENSICAL) serve --config-file $(ZENSICAL_CONFIG) --dev-addr $(ADDR)
else
	SITE_URL=http://$(ADDR)/ $(MKDOCS) serve --strict --dev-addr $(ADDR) --watch macros --watch overrides
endif

build: $(STAMP) ## Strict build of the site into site/ (ENGINE=zensical: with Zensical)
ifeq ($(ENGINE),zensical)
	# Never `zensical build --clean`: it deletes all of .cache/, the Go build cache and the check site included.
	rm -rf site
	$(ZENSICAL) build --strict --config-file $(ZENSICAL_CONFIG)
else
	$(MKDOCS) build --strict --clean --site-dir site
endif

test: $(STAMP) $(NPM_STAMP) check examples ## Run make check and make examples, then the whole test suite (tests/, in layers)
	$(BIN)/pytest $(PYTEST_ARGS)

examples: $(STAMP) ## gofmt, go vet, go test -race and a few seconds of each fuzz test over the Go examples in docs/examples (tools/go_examples.py)
	$(BIN)/python -m tools.go_examples

# Two workers, a test file each at a time.
PYTEST_ARGS ?= -n 2 --dist loadfile

# The checks build into their own folder, so they never touch site/.
CHECK_SITE := .cache/check-site
# Empty means origin/main when the clone has it, else the previous commit.
BASE ?=

check: $(STAMP) ## Checks before pushing: data, front matter, spelling, Markdown, Python, build, links (tools/check.py)
	$(BIN)/python -m tools.check --site-dir $(CHECK_SITE)

review: $(STAMP) ## Summarise data entry and page changes against BASE, default origin/main (tools/review.py)
	@$(BIN)/python -m tools.review $(BASE)

# Both parts always run; the target fails if either missed a target.
bench: $(STAMP) ## Time the build against plain Material, data loading at 10x-1000x, and make serve's preview (tools/bench.py, tools/bench_preview.py)
	status=0; $(BIN)/python -m tools.bench || status=1; $(BIN)/python -m tools.bench_preview || status=1; exit $$status

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

offline: $(STAMP) $(NPM_STAMP) ## Zip the site for reading without a server into dist/ (tools/bundle.py)
	$(BIN)/python -m tools.bundle --build $(OFFLINE_ZIP)

# Lighthouse finds the browser through CHROME_PATH; Playwright is given the same one.
CHROME_PATH ?= /usr/bin/chromium
AUDIT_PRESET ?= desktop

audit: $(STAMP) $(NPM_STAMP) ## Report axe, Lighthouse and page weight, ours beside plain Material, served on loopback (tools/audit.py)
	CHROME_PATH=$(CHROME_PATH) $(BIN)/python -m tools.audit --preset $(AUDIT_PRESET)

schema: $(STAMP) ## Regenerate the data file's JSON Schema from macros/model.py (tools/schema.py)
	$(BIN)/python -m tools.schema

lock: $(STAMP) ## Re-pin requirements.lock after editing pyproject.toml
	$(BIN)/pip-compile --quiet --extra dev --extra zensical --generate-hashes --allow-unsafe --strip-extras -o requirements.lock pyproject.toml

clean: ## Remove the virtualenv, caches and build output
	rm -rf $(VENV) site dist .cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
