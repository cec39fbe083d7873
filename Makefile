# waiverscan: install, test, demo and benchmark on Debian 12.
#
# `make setup` is idempotent and takes seconds when everything is in place, so every
# other target depends on it: a fresh machine (CI) and a developer's both end up with
# the same system packages, virtualenv and models.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
BENCH_DIR ?= samples/forms
# forms drawn by samples.generator added to the bench corpus (tools/bench.py says why)
BENCH_GENERATE ?= 24

# Tesseract + language data, PDF tools, and the fonts the sample generator draws with
# (the last six: the validation and held-out hands of samples/generator/splits.py).
APT_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils \
	fonts-dejavu-core fonts-liberation fonts-comic-neue fonts-dkg-handwriting \
	fonts-klee fonts-gnutypewriter fonts-humor-sans python3-venv \
	fonts-breip fonts-rufscript fonts-kaushanscript \
	fonts-dancingscript fonts-kristi fonts-ecolier-court fonts-courier-prime \
	fonts-sjfonts fonts-lobster fonts-leckerli-one fonts-yusei-magic

.PHONY: setup system-deps models test test-fast test-deps demo demo-user review bench bench-afile bench-ui \
	eval train-models clean lock audit

setup: system-deps $(STAMP)
	@$(MAKE) --no-print-directory models

# Installs only what is missing; `apt-get update` runs once, and only then. Another apt
# (unattended upgrades, a second job) holding the dpkg lock is waited for, not an error.
APT_WAIT := -o DPkg::Lock::Timeout=600
system-deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "setup: not a Debian system: install these yourself: $(APT_PACKAGES)"; exit 0; fi; \
	missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; \
	  if [ "$$(id -u)" != 0 ]; then \
	    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	    else echo "setup: need root or sudo to install:$$missing" >&2; exit 1; fi; \
	  fi; \
	  echo "setup: installing$$missing"; \
	  $$sudo apt-get $(APT_WAIT) update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get $(APT_WAIT) install -y -qq \
	    --no-install-recommends $$missing; \
	fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the packaging or the lock changed since the last install. The
# lock's exact versions constrain the install: CI runs (and `make audit` checks) them.
# Every extra (review UI, Dask, PostgreSQL, charts) and the test tools: a developer's
# venv and CI run everything; `pip install waiverscan` alone is the core.
$(STAMP): pyproject.toml setup.py requirements.lock | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -e '.[all,dev]' -c requirements.lock
	touch $(STAMP)

# requirements.lock: the exact version of every package in the venv but the project
# itself. After changing dependencies (pyproject.toml, or an upgrade `make audit` asks
# for): install them into the venv, then `make lock` and commit the lock.
lock:
	@{ echo "# Exact versions installed in .venv (make lock); the project itself excluded."; \
	  $(VENV)/bin/pip freeze --exclude-editable | grep -v -i '^waiverscan[ =@]'; } > requirements.lock.tmp
	@mv requirements.lock.tmp requirements.lock
	@echo "lock: $$(grep -c '==' requirements.lock) packages pinned in requirements.lock"

# Known vulnerabilities in the locked packages (pip-audit over PyPI's JSON API): fails
# on one that has a fixed version. PyPI out of reach fails under CI=true, and is only a
# warning on a developer's machine (tools/audit_deps.py says why).
audit: $(STAMP)
	$(VENV)/bin/python tools/audit_deps.py requirements.lock

# The trained case-comment classifier (models/comments/clf, committed) is rebuilt only
# when missing; `make train-models` rebuilds it from the project's own training data
# (fixed seed: byte-identical output).
models:
	@test -f models/comments/clf/meta.json || $(VENV)/bin/python -m training.comments
	@test -f models/handwriting/glyphs.npz || $(VENV)/bin/python -m training.handwriting_glyphs
	@test -f models/tesseract-hand/hand.traineddata || $(VENV)/bin/python -m training.hand_model
	@test -f models/forms/marks.npz || $(VENV)/bin/python -m training.forms_marks
	@test -f models/forms/linker.npz || $(VENV)/bin/python -m training.forms_linker
	@test -f models/forms/label_slot.npz -a -f models/forms/option_meaning.npz \
	  || $(VENV)/bin/python -m training.forms_text

# PostgreSQL for the store tests: Debian's server binaries only (the tests start their own
# throwaway server on loopback, as the `postgres` user when run as root; nothing is
# configured system-wide). Under CI=true the PostgreSQL tests fail if this is missing.
# Chromium for the review UI's end-to-end browser tests (driven by Playwright's Python
# package through its executable_path: no browser download); under CI=true they fail
# if it is missing.
TEST_APT_PACKAGES := postgresql chromium

test-deps:
	@$(MAKE) --no-print-directory system-deps APT_PACKAGES="$(TEST_APT_PACKAGES)"

# The full suite (CI's, through .ci/run): OCR over many pages, PostgreSQL restarts,
# kill -9, Chromium, the dependency audit.
test: setup test-deps
	$(VENV)/bin/pytest -q
	@$(MAKE) --no-print-directory audit

# Everyday work: unit and contract tests, no Tesseract-heavy, PostgreSQL or browser
# tests (markers in pyproject.toml; tests/conftest.py marks postgres and browser ones).
FAST_MARKERS := not slow and not integration and not postgres and not browser
test-fast: setup
	$(VENV)/bin/pytest -q -m "$(FAST_MARKERS)"

# The main job on the bundled samples: scan them into the embedded SQLite store
# (./waiverscan.db), then print the audit report (counts per category and check, and
# every case). Ground truth (*.jsonl) and notes beside the samples are not inputs.
DEMO_DB ?= sqlite:///waiverscan.db
demo: setup
	$(VENV)/bin/waiverscan scan samples/forms samples/comments samples/afiles --db $(DEMO_DB) \
	  --exclude '*.jsonl' --exclude '*.json' --exclude '*.md' --no-progress
	$(VENV)/bin/waiverscan report --db $(DEMO_DB) --format table --chart decisions_per_month.png
	@$(MAKE) --no-print-directory demo-user
	@if [ "$(REVIEW)" = no ]; then echo "start the review UI with: make review"; \
	else $(VENV)/bin/waiverscan review --db $(DEMO_DB) --port $(REVIEW_PORT); fi

# The review UI (issue 5) over the demo store, in the foreground on 127.0.0.1 (Ctrl-C
# stops it). `make demo` ends by running it; `make demo REVIEW=no` stops after the
# report (for scripts). The demo account's password is for this local demo store only.
REVIEW ?= yes
REVIEW_PORT ?= 8501
DEMO_USER ?= demo
DEMO_PASSWORD ?= waiverscan-demo
demo-user:
	@if $(VENV)/bin/waiverscan users list --db $(DEMO_DB) | grep -q "^$(DEMO_USER)\s"; then \
	  echo "review UI sign-in: user '$(DEMO_USER)' (exists already: password as first set, by default '$(DEMO_PASSWORD)')"; \
	else \
	  printf '%s\n' '$(DEMO_PASSWORD)' | $(VENV)/bin/waiverscan users add $(DEMO_USER) \
	    --role reviewer --password-stdin --db $(DEMO_DB) >/dev/null && \
	  echo "review UI sign-in: user '$(DEMO_USER)', password '$(DEMO_PASSWORD)'"; \
	fi

review: setup
	@$(MAKE) --no-print-directory demo-user
	$(VENV)/bin/waiverscan review --db $(DEMO_DB) --port $(REVIEW_PORT)

bench: setup
	$(VENV)/bin/python tools/bench.py $(BENCH_DIR) --generate $(BENCH_GENERATE)

# A long alien file against single-form files through `scan` (issue 13): a generated
# AFILE_PAGES-page A-file and AFILE_SINGLES single-form files, 2 workers, runs
# interleaved; seconds per page both ways and the workers' peak memory
# (tools/afile_bench.py; ~40 min on 2 free cores). Files kept under AFILE_BENCH_DIR.
AFILE_PAGES ?= 500
AFILE_SINGLES ?= 60
AFILE_BENCH_DIR ?= /tmp/waiverscan-bench-afile
bench-afile: setup
	OMP_THREAD_LIMIT=1 $(VENV)/bin/python tools/afile_bench.py $(AFILE_BENCH_DIR) \
	  --pages $(AFILE_PAGES) --singles $(AFILE_SINGLES) --workers 2

# Held-out protocol (issue 12): EVAL_N forms of held-out layout families and hands drawn
# with a fresh seed, EVAL_VAL_N validation forms, and the dev corpus, side by side, each
# 2018 form family apart (tools/heldout_eval.py; ~30-60 min on 2 cores). A quick look:
# make eval EVAL_N=20 EVAL_VAL_N=0 EVAL_ARGS=--no-dev
EVAL_N ?= 200
EVAL_VAL_N ?= 60
EVAL_ARGS ?=
eval: setup
	OMP_THREAD_LIMIT=1 nice -n 10 $(VENV)/bin/python tools/heldout_eval.py --n $(EVAL_N) \
	  --val-n $(EVAL_VAL_N) --jobs 2 $(EVAL_ARGS)

# The review UI's pages on a large archive (issue 15): fills synthetic stores of
# BENCH_UI_DOCS documents under BENCH_UI_DIR (kept, reused) and prints each page's time.
BENCH_UI_DOCS ?= 10000 100000
BENCH_UI_DIR ?= /tmp/waiverscan-bench-ui
bench-ui: setup
	$(VENV)/bin/python tools/bench_ui.py --docs $(BENCH_UI_DOCS) --dir $(BENCH_UI_DIR)

train-models: setup
	$(VENV)/bin/python -m training.comments
	$(VENV)/bin/python -m training.handwriting_glyphs
	$(VENV)/bin/python -m training.hand_model
	OMP_THREAD_LIMIT=1 OPENBLAS_NUM_THREADS=1 $(VENV)/bin/python -m training.forms_marks
	OMP_THREAD_LIMIT=1 OPENBLAS_NUM_THREADS=1 $(VENV)/bin/python -m training.forms_linker
	OMP_THREAD_LIMIT=1 OPENBLAS_NUM_THREADS=1 $(VENV)/bin/python -m training.forms_text
	OMP_THREAD_LIMIT=1 OPENBLAS_NUM_THREADS=1 $(VENV)/bin/python -m training.forms_letter_marks
	OMP_THREAD_LIMIT=1 OPENBLAS_NUM_THREADS=1 $(VENV)/bin/python -m training.forms_field_confidence

clean:
	rm -rf build/ out/ .pytest_cache/ .benchmarks/ *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -print0 | xargs -0 rm -rf
