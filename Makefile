# Two commands on a fresh clone: `make site` builds the hub into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check serve schemas golden bench clean clients

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)  ## build the hub from content/ into site/
	$(BIN)/pcor-site build

clients: tests/clients/node_modules/.installed  ## install the real clients the tests run (Nu Html Checker)

tests/clients/node_modules/.installed: tests/clients/package.json tests/clients/package-lock.json
	cd tests/clients && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest

check: $(STAMP)  ## validate content/ (strict)
	$(BIN)/pcor-site check --strict

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000/
	$(BIN)/pcor-site serve

schemas: $(STAMP)  ## rewrite the committed JSON Schemas in schemas/
	$(BIN)/pcor-site schema

golden: $(STAMP)  ## refresh the golden docs tree and snapshot reports after an intended change
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py tests/test_rules.py tests/test_pitfalls.py -q

bench: $(STAMP)  ## build timings at 1,000 and 5,000 records; pcor-site beside plain MkDocs and each engine; edit loop
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_engines.py

clean:
	rm -rf site build mkdocs.generated.yml
