# Every target sets up what it needs: a virtual environment with the pinned requirements.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000

export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: serve build publish-build check diff schemas compare messages test fuzz audit bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The browser tests' axe-core and the audit's Lighthouse, pinned in package-lock.json (needs npm).
NODE_DEPS := node_modules/.package-lock.json
NODE_FOR_TESTS := $(if $(shell command -v npm 2>/dev/null),$(NODE_DEPS))

$(NODE_DEPS): package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_DEPS)

## serve: preview the English site at http://127.0.0.1:8000, rebuilding on every change to docs/, data/ or hooks/ (EDITIONS=all: every edition; EDITIONS=ru: English and Russian)
EDITIONS ?= $(or $(COOPSITE_EDITIONS),en)
serve: $(STAMP)
	@$(BIN)/python -m coopsite config .
	COOPSITE_EDITIONS=$(EDITIONS) $(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## build: strict build into site/; the old site/ is replaced only when the new build succeeds
build: $(STAMP)
	@$(BIN)/python -m coopsite config .
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old && if [ -d site ]; then mv site site.old; fi && mv site.new site && rm -rf site.old

## publish-build: what the publishing workflow runs: the whole suite (a missing browser fails), then the strict build into site/ (SITE_URL=https://... sets the address)
publish-build: $(STAMP) $(NODE_DEPS)
	REQUIRE_BROWSER=1 $(MAKE) --no-print-directory test
	$(MAKE) --no-print-directory build
	@echo "Built site/ for $${SITE_URL:-the default address in mkdocs.yml (set SITE_URL to publish)}"

## check: validate data/ and docs/ markers without building (errors exit 1; notices are listed)
check: $(STAMP)
	@$(BIN)/python -m coopsite check .

## diff: what changed in the facts since a git revision (make diff REV=main), for a pull request
REV ?= HEAD
diff: $(STAMP)
	@$(BIN)/python -m coopsite diff $(REV) .

## schemas: write the editors' JSON Schemas (hooks/coopsite/schemas/) from the declarations in hooks/coopsite/model.py
schemas: $(STAMP)
	@$(BIN)/python -m coopsite schemas

## compare: build OLD (default main) and NEW (default: the files on disk); print every difference in pages, search index, downloads
OLD ?= main
compare: $(STAMP)
	@$(BIN)/python scripts/compare_builds.py $(OLD) $(NEW)

## messages: extract the site's words into hooks/coopsite/locale/messages.pot and update every language's .po
LOCALE := hooks/coopsite/locale
messages: $(STAMP)
	cd hooks && ../$(BIN)/pybabel -q extract --mapping-file ../babel.cfg --sort-output --add-location file \
		--no-wrap --omit-header --output-file coopsite/locale/messages.pot .
	for po in $(LOCALE)/*/LC_MESSAGES/messages.po; do \
		$(BIN)/pybabel -q update --input-file $(LOCALE)/messages.pot --output-file $$po --no-wrap --no-fuzzy-matching --ignore-pot-creation-date \
			--locale $$(basename $$(dirname $$(dirname $$po))); done

## test: the whole test suite (browser tests need /usr/bin/chromium; REQUIRE_BROWSER=1 makes its absence fail)
test: $(STAMP) $(NODE_FOR_TESTS)
	$(BIN)/python -m pytest

## fuzz: the property-based data fuzzer, run long (FUZZ_PROFILE=soak for longer still); see docs/data-safety.md
fuzz: $(STAMP)
	FUZZ_PROFILE=$(or $(FUZZ_PROFILE),long) $(BIN)/python -m pytest tests/test_fuzz.py

## audit: Lighthouse (mobile) on each page type, served gzip-compressed; fails below 100 in any category
audit: $(STAMP) $(NODE_DEPS)
	$(BIN)/python scripts/audit.py

## bench: build synthetic data at 1x, 10x and 100x (and the static baseline), write benchmarks/RESULTS.md; ~10 min
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf site site.new site.old .pytest_cache
