# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MESSAGE_IGNORES := --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'portal/demo/*'
HOST ?= 127.0.0.1
PORT ?= 8000
# The address every absolute link names (e-mails, sitemap, feeds, .ics): the served one unless set.
BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install install-test browser vnu migrate demo lint format bench soak bench-search messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	BASE_URL=$(BASE_URL) $(PY) manage.py load_demo

## make run: install, migrate, load the demo region and serve it on http://$(HOST):$(PORT),
## with the task worker and the scheduler beside it (honcho runs Procfile.dev)
run: demo
	@echo ""
	@echo "Portal: http://$(HOST):$(PORT)/   (English: /en/, shop: /sklep/)"
	@echo "Wagtail admin: http://$(HOST):$(PORT)/admin/   Oscar dashboard: http://$(HOST):$(PORT)/sklep/dashboard/"
	@echo "Admin login: admin@es.example.org / demo-es-2026 (other demo accounts listed above)"
	@echo ""
	@echo "Processes (Procfile.dev): web, worker (the task queue), scheduler (periodic jobs); Ctrl-C stops all three."
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" HOST=$(HOST) PORT=$(PORT) BASE_URL=$(BASE_URL) PYTHONUNBUFFERED=1 \
		$(VENV)/bin/honcho -f Procfile.dev start

## Debian's chromium for browser tests, when missing and we are root
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			(apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)); \
		else echo "chromium missing and not root: browser tests will be skipped"; fi; \
	fi

## The W3C Nu HTML checker (npm vnu-jar), run offline with the machine's Java
vnu:
	@if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] && command -v npm >/dev/null; then \
		npm install --no-save --no-audit --no-fund --silent vnu-jar@26 || echo "vnu-jar not installed: HTML validation will be skipped"; \
	fi

## make test: install what tests need and run the whole suite, one worker per core (pytest-xdist;
## worksteal: a worker that runs out takes tests queued for the other, so long tests do not leave one idle)
TEST_WORKERS ?= auto
test: install-test browser vnu
	@mkdir -p var
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

## make lint: ruff (code and format), djlint (templates), and no model change without its migration
lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --lint portal marketplace search goodpractices home
	@mkdir -p var
	$(PY) manage.py makemigrations --check --dry-run

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## make bench: the demo under gunicorn and the task worker (production settings) on PostgreSQL and
## Redis when they answer, else SQLite; pages loaded with wrk, checkouts, 20 buyers racing for
## 5 last units. SOAK=600 adds a soak of that many seconds.
bench: install
	$(PY) tests/bench/run_bench.py $(if $(SOAK),--soak $(SOAK))

## make soak: SOAK_SECONDS (default ten minutes) of mixed traffic; the workers' memory every minute
SOAK_SECONDS ?= 600
soak: install
	$(PY) tests/bench/run_bench.py --soak-only --soak $(SOAK_SECONDS)

## make bench-search: 10,000 PES and 100,000 products; search latency per backend (SQLite, PostgreSQL, Elasticsearch)
bench-search: install-test
	@mkdir -p var
	$(PY) -m tests.bench.search_bench $(BENCH_ARGS)

## Regenerate the pl/en catalogues after changing strings
messages: install
	$(PY) manage.py makemessages -l pl -l en --no-obsolete $(MESSAGE_IGNORES)
	$(PY) manage.py fill_catalogues
	$(PY) manage.py compilemessages $(MESSAGE_IGNORES)

clean:
	rm -rf var/static var/cache
