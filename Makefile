# danvan — two commands do everything: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/danvan
export DANVAN_TEST_POSTGRES_URL ?= $(PG_URL)
PYTEST_WORKERS ?= 2

.PHONY: install install-test demo serve test test-sqlite test-postgres lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# Debian's Chromium and fonts for the browser tests, LibreOffice/poppler for documents (root only).
install-test: install
	@if ! command -v chromium >/dev/null || ! fc-list | grep -qi "Liberation Serif"; then \
		echo "Cài đặt Chromium và phông chữ từ Debian..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-liberation2 fonts-noto-core >/dev/null; \
	fi

demo: install
	$(BIN)/danvan migrate --noinput
	$(BIN)/danvan load_demo
	$(BIN)/danvan runserver --insecure 127.0.0.1:8000

serve: install
	$(BIN)/danvan runserver --insecure 127.0.0.1:8000

test: install-test test-sqlite test-postgres

test-sqlite: install
	DANVAN_DATABASE_URL=sqlite:///:memory: $(BIN)/pytest -n $(PYTEST_WORKERS) -q

test-postgres: install
	@$(BIN)/python -m danvan.core.testing.pgcheck "$(DANVAN_TEST_POSTGRES_URL)"; rc=$$?; \
	if [ $$rc -eq 3 ]; then echo "PostgreSQL không truy cập được: bỏ qua lượt kiểm thử PostgreSQL."; exit 0; fi; \
	[ $$rc -eq 0 ] || exit $$rc; \
	DANVAN_DATABASE_URL="$(DANVAN_TEST_POSTGRES_URL)" $(BIN)/pytest -n $(PYTEST_WORKERS) -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) var
