# kaoju: `make run` serves the API over the seeds; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DATABASE_URL ?= sqlite:///instance/kaoju.db
BIND ?= 127.0.0.1:8000
# test processes (pytest-xdist; each takes whole test files): 0 runs the suite in this process
TEST_WORKERS ?= 2
export DATABASE_URL

.PHONY: install run extract test gold bench bench-scale bench-api bench-compare bench-distributed fuzz clean

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	# bytecode now, as pip does for what it installs: where PYTHONDONTWRITEBYTECODE is set, every command
	# would otherwise compile the sources it imports again (some 50 ms of each `kaoju` start)
	$(BIN)/python -m compileall -q service schemas
	touch $(STAMP)

install: $(STAMP)

extract: install
	$(BIN)/kaoju extract seeds

run: extract
	@echo "kaoju: open http://$(BIND)/ in a browser, or curl http://$(BIND)/v1/facts?limit=3"
	$(BIN)/kaoju serve --bind $(BIND)

test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

gold: install
	$(BIN)/python bench/gold.py

bench: install
	$(BIN)/python bench/extract.py

bench-scale: install
	$(BIN)/python bench/scale.py

bench-api: install
	$(BIN)/python bench/api.py

bench-compare: install
	$(BIN)/python bench/compare.py

bench-distributed: install
	$(BIN)/python bench/distributed.py

fuzz: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/fuzz_api.py
	$(BIN)/python bench/fuzz_api.py --auth

clean:
	rm -rf $(VENV) instance *.egg-info .pytest_cache .hypothesis
