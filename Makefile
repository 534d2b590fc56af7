# danvan — two commands do everything: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/danvan
export DANVAN_TEST_POSTGRES_URL ?= $(PG_URL)
PYTEST_WORKERS ?= 2

.PHONY: system-deps install install-test demo worker serve test test-sqlite test-postgres lint format bench load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: system-deps $(VENV)/.installed

# Debian packages: Pango for WeasyPrint (PDF) and the Times-compatible font at run time;
# Chromium and more fonts for the browser tests. Installed only when missing (needs root).
DEB_RUNTIME := libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2
DEB_TEST := chromium fonts-noto-core poppler-utils
define apt_install_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Cài đặt gói Debian còn thiếu: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-deps:
	$(call apt_install_missing,$(DEB_RUNTIME))

install-test: install
	$(call apt_install_missing,$(DEB_RUNTIME) $(DEB_TEST))

# gunicorn with danvan/gunicorn_conf.py (3 workers x 2 threads on two cores; DANVAN_WEB_* to change).
GUNICORN := $(BIN)/gunicorn -c python:danvan.gunicorn_conf danvan.wsgi
# The background worker (imports, certificates, report PDFs) runs beside the web server; both stop together.
WITH_WORKER = $(BIN)/danvan db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM;

demo: install
	$(BIN)/danvan migrate --noinput
	$(BIN)/danvan load_demo
	$(BIN)/danvan collectstatic --noinput -v0
	$(WITH_WORKER) $(GUNICORN)

worker: install
	$(BIN)/danvan db_worker

serve: install
	$(BIN)/danvan migrate --noinput
	$(BIN)/danvan collectstatic --noinput -v0
	$(GUNICORN)

# One pass after the other: run at once on two cores they took longer (24 min) than in turn (19 min).
test: install-test test-sqlite test-postgres

test-sqlite: install
	DANVAN_DATABASE_URL=sqlite:///:memory: $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q

test-postgres: install
	@$(BIN)/python -m danvan.core.testing.pgcheck "$(DANVAN_TEST_POSTGRES_URL)"; rc=$$?; \
	if [ $$rc -eq 3 ]; then echo "PostgreSQL không truy cập được: bỏ qua lượt kiểm thử PostgreSQL."; exit 0; fi; \
	[ $$rc -eq 0 ] || exit $$rc; \
	DANVAN_DATABASE_URL="$(DANVAN_TEST_POSTGRES_URL)" $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q -m "not browser and not sweep" --walk-as admin

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# `make bench BENCH_ARGS="--import-only --rows 20000"`: only the import, its preview and the certificates.
BENCH_ARGS ?=
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# 20 officers on gunicorn for 2 minutes per scenario, SQLite then PostgreSQL; every acknowledged write checked.
load: install
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) var
