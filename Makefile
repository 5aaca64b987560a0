# Two entry points for a fresh machine with Python 3.11+ and make:
#   make demo   installs into .venv and prints the seed article's provenance report
#   make test   installs into .venv and runs lint, types and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_8dac13ad40c6afd4.txt

.PHONY: demo test lint install native test-native clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("provenance needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=77'
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# Optional: compile the extraction modules with mypyc (needs a C compiler); `make clean` undoes it.
native: $(VENV)/.installed
	PROVENANCE_NATIVE=1 $(BIN)/python setup.py --quiet build_ext --inplace

demo: $(VENV)/.installed
	$(BIN)/provenance report $(SEED)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

test-native: lint native
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache provenance/native.json
	find provenance -name '*.so' -delete
