# Two commands for a fresh machine: `make lab` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: lab test bench grade lint

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab modules/00-start-here.ipynb

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m bench

ASSIGNMENT ?= ps04-icd10cm
grade: $(STAMP)
	$(VENV)/bin/himlab grade $(ASSIGNMENT) --course course

lint: $(STAMP)
	$(PY) -m ruff check .
