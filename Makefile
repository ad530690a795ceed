# The two commands of the README's Quick start: `make guide` and `make test`.
# Each does all set-up on a fresh Debian or Ubuntu machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Programs the guide runs: espeak-ng speaks, ffmpeg encodes and measures, mpv plays;
# the DejaVu font draws the cover of the audiobook and the e-book.
RUNTIME_PACKAGES := espeak-ng libespeak-ng1 ffmpeg mpv fonts-dejavu-core
# Extra programs the test suite reads outputs back with.
TEST_PACKAGES := chromium epubcheck

.PHONY: guide test system system-test venv bench stress fuzz clean

guide: venv
	$(BIN)/guide build
	@echo "The MP3s are in audio_out/cervical-insufficiency/ (chapters in its chapters/ folder)."

test: venv-test system-test
	$(BIN)/pytest -q

# --- system packages -------------------------------------------------------
# Installs what is missing with apt-get when run as root; otherwise prints the
# exact command to run and stops.
define need_packages
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
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

venv: system $(VENV)/.installed
venv-test: system $(VENV)/.installed-test

# Ratios of the build against the bare espeak-ng + ffmpeg pipeline; see bench/run.py.
bench: venv
	$(BIN)/python bench/run.py

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
	rm -rf $(VENV) audio_out/*/ .pytest_cache .hypothesis
