# Sociale kaart — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test test-fast audit install install-test system-deps lint format bench bench-parts load soak neo4j-test-server clean nlp-model translations models

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## make run: demo on the embedded graph (FalkorDB), site on http://$(HOST):$(PORT)/
run: install
	$(BIN)/kaart init
	$(BIN)/kaart demo --if-empty
	@echo "Open http://$(HOST):$(PORT)/ in uw browser (Ctrl+C stopt de site)."
	-@$(BIN)/python -c "import os,webbrowser; os.environ.get('DISPLAY') and webbrowser.open('http://$(HOST):$(PORT)/')" 2>/dev/null
	KAART_SESSION_COOKIE_SECURE=$${KAART_SESSION_COOKIE_SECURE:-0} $(BIN)/kaart serve --host $(HOST) --port $(PORT)

system-deps:
	@bash tools/system-deps.sh

## make test: lint + the whole suite, FalkorDB and Neo4j 5.26 (built from Maven Central on first use),
## browser tests in Debian's Chromium. In parallel (pytest-xdist, one worker per core, a file's tests on one
## worker, all Neo4j tests on one worker with one server: tests/conftest.py). TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
test: install-test system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## make test-fast: the inner loop — no Neo4j, no browser, nothing marked slow (about a minute)
test-fast: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not neo4j and not browser and not slow" -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## make audit: known vulnerabilities in the installed packages (pip-audit; tools/audit-ignore.txt lists
## accepted ones with a reason). Says loudly when the vulnerability service is unreachable; fails on that
## only with KAART_AUDIT_REQUIRED=1.
audit: install-test
	$(BIN)/python tools/audit.py

lint: install-test
	$(BIN)/ruff check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make bench: every figure of issue 14 in one run (bench/national.py): one synthetic national kaart per backend,
## seeded once (the graph upsert), then neighbourhood reads, the full reindex, one web worker per backend (match
## latency, POST /api/v1/match, memory, the first request after an edit) and the search backends side by side;
## elapsed time and budget per step, a table with the ratios Neo4j/embedded at the end. SERVICES=350000 for the
## national run (budget: 45 minutes); BASELINE=<git revision> adds one web worker of that code on the same graph
## (ratios now/baseline); BENCH_JSON=file writes the figures. `make bench-parts`: the separate benches as before.
SERVICES ?= 10000
BASELINE ?=
BENCH_JSON ?=
bench: install-test
	$(BIN)/python bench/national.py --services $(SERVICES) $(if $(BASELINE),--baseline $(BASELINE)) \
		$(if $(BENCH_JSON),--json $(BENCH_JSON))

bench-parts: install-test
	$(BIN)/python bench/graph_upsert.py --services $(SERVICES)
	$(BIN)/python bench/match_latency.py --services $(SERVICES) $(if $(BASELINE),--baseline $(BASELINE))
	$(BIN)/python bench/ingest_hsds.py --services $(SERVICES)
	$(BIN)/python bench/search_backends.py

## make load: 50 concurrent users for 60 s against gunicorn (2 workers) on loopback; fails on any error.
## Without SERVICES the Aalten demo; `make load SERVICES=100000`: the synthetic national kaart of that size.
LOAD_SERVICES = $(if $(filter command line environment,$(origin SERVICES)),--services $(SERVICES))
load: install-test
	$(BIN)/python bench/load.py --users 50 --seconds 60 $(LOAD_SERVICES)

## make soak: the same for 10 minutes; fails on errors or worker memory growth > 50 MB
soak: install-test
	$(BIN)/python bench/load.py --users 50 --seconds 600 $(LOAD_SERVICES)

## make nlp-model: the small Dutch spaCy pipeline in match/models/nl_kaart_ud_sm (tagger, morphologizer, lemmatizer,
## parser), trained offline from the UD Dutch treebanks in ../shared/ud-dutch (UD_DUTCH=dir); does nothing when its
## inputs did not change (FORCE=1 retrains: ~8 min on 2 idle cores). The pipeline is shipped, so `make test` never trains.
nlp-model: install
	$(BIN)/python tools/nlp/build.py $(if $(UD_DUTCH),--data $(UD_DUTCH)) $(if $(FORCE),--force)

## make models: train the matcher's word models (themes, safety, who is typing) now and keep them in KAART_MODEL_DIR
## (default <KAART_DATA_DIR>/models, ADR 0146): every later process loads them instead of training (~6 s). Nothing is
## lost without it: the first process that needs them trains and writes them. The Dockerfile runs `kaart models`.
models: install
	$(BIN)/kaart models

## make translations: extract every interface text into webapp/translations/messages.pot, update each language's
## catalogue (a new language in ontology/languages.yaml gets one), compile the .mo files. Catalogues and .mo files
## are committed, so an install and the tests need no build step (ADR 0084). LOCALES="en ar": only those.
TRANSLATIONS := webapp/translations
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
		--project "Sociale kaart" --copyright-holder "Sociale kaart" -o $(TRANSLATIONS)/messages.pot .
	@sed -i '/^"POT-Creation-Date:/d' $(TRANSLATIONS)/messages.pot  # no date: branches merge without conflicts
	@for lang in $(or $(LOCALES),$$($(BIN)/python -c "from webapp.i18n import known_languages, SOURCE; print(*[c for c in known_languages() if c != SOURCE])")); do \
		if [ -f $(TRANSLATIONS)/$$lang/LC_MESSAGES/messages.po ]; then \
			$(BIN)/pybabel -q update --ignore-obsolete --ignore-pot-creation-date --no-fuzzy-matching -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $$lang; \
		else \
			$(BIN)/pybabel -q init -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $$lang; \
		fi; \
	done
	$(BIN)/python tools/i18n_compile.py

## Build and smoke-test the Neo4j 5.26 test server (Maven Central, Java 17)
neo4j-test-server: install-test
	$(BIN)/python tests/neo4j_server.py

clean:
	rm -rf $(VENV) .cache var .pytest_cache .ruff_cache
