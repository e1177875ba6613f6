# Every target creates the virtualenv and installs what it needs: a fresh machine needs only Python.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

DEMO = examples/queue.csv --config examples/safepost.yaml --now 2026-07-31T16:00:00Z

demo: $(STAMP)
	$(BIN)/safepost check $(DEMO) || test $$? -eq 1
	$(BIN)/safepost check $(DEMO) --format html --output demo-report.html || test $$? -eq 1
	@echo "The same check as a report to open in a browser or attach to a ticket: $(CURDIR)/demo-report.html"

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python eval/run.py --json eval/figures.json

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
