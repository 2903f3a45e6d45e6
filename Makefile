# Two commands for a newcomer: `make demo` and `make test`. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/teacher.yaml
# The day the example personas have reached (10 March 2026): their documents are dated and
# their next steps judged by it, so the examples read the same whenever they are rendered.
EXAMPLES_TODAY := 1773100800

.PHONY: demo test lint typecheck unit browser-deps examples check-examples picture fonts schema wheel-check bench clean \
	messages messages-update messages-compile

# uv installs what pip would, from PyPI, faster: the virtual environment of `make test`
# took 19 s from nothing, against 45 s with pip (2-core machine, 3 December 2026).
# Compiled to bytecode at install, as pip does: where PYTHONDONTWRITEBYTECODE is set, as
# on CI machines, every process would otherwise compile each module it imports afresh.
# Where uv cannot be had, pip does the work.
install = if [ -x $(BIN)/uv ]; then $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python $(1); \
	else $(BIN)/python -m pip install --quiet $(1); fi

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "careerstory needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.5,<1' || echo "uv could not be installed: pip installs instead"

# careerstory alone (make demo); the dev tools bring it too, in one install.
$(BIN)/careerstory: pyproject.toml | $(BIN)/python
	$(call install,-e .)
	@touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(call install,-e '.[dev]')
	@touch $@ $(BIN)/careerstory

demo: $(BIN)/careerstory
	@mkdir -p out
	$(BIN)/careerstory render $(EXAMPLE) --doc all --md --pdf --force --out out/
	@echo
	@echo "The example brief, pitch page and conversation kit are in out/: $$(ls out/*.pdf out/*.md | tr '\n' ' ')"
	@echo "Make your own: $(BIN)/careerstory ask, then $(BIN)/careerstory render --pdf"

lint: $(VENV)/.dev
	$(BIN)/ruff check careerstory tests
	$(BIN)/ruff format --check careerstory tests

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev browser-deps
	$(BIN)/python -m pytest -n auto --dist loadfile

# The browser test's npm packages (puppeteer-core, axe-core), pinned in tests/package-lock.json.
# Without npm the test is skipped and says why; Chromium itself comes from Debian (.ci/run).
browser-deps: tests/node_modules/.installed

tests/node_modules/.installed: tests/package.json tests/package-lock.json
	@if command -v npm >/dev/null; then \
		cd tests && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else \
		echo "npm not found: the browser test of the HTML briefs will be skipped"; \
	fi

# The two installs (Python's, and the browser test's npm packages) side by side, then lint
# and the type check side by side, then the tests with both cores: 20 s less than one
# after another on a fresh clone.
test:
	@$(MAKE) --no-print-directory -j2 --output-sync=target $(VENV)/.dev browser-deps
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint typecheck
	@$(MAKE) --no-print-directory unit

examples: $(BIN)/careerstory
	@mkdir -p out/examples
	SOURCE_DATE_EPOCH=$(EXAMPLES_TODAY) $(BIN)/careerstory render examples/*.yaml --md --pdf --out out/examples/
	@echo "Example briefs are in out/examples/"

# CI: every example PDF opens and holds its person's name; `check` passes on them all.
check-examples: $(VENV)/.dev examples
	$(BIN)/python tests/check_briefs.py

# The pictures in the README: page 1 of the teacher's brief and of her pitch page, drawn from the real PDFs.
picture: $(VENV)/.dev
	@mkdir -p out
	SOURCE_DATE_EPOCH=$(EXAMPLES_TODAY) $(BIN)/careerstory render examples/teacher.yaml --doc brief --doc pitch --pdf --force --out out/
	$(BIN)/python -c 'import pypdfium2 as p; p.PdfDocument("out/teacher.pdf")[0].render(scale=1.1).to_pil().save("examples/briefs/teacher-page-1.png", optimize=True)'
	$(BIN)/python -c 'import pypdfium2 as p; p.PdfDocument("out/teacher-pitch.pdf")[0].render(scale=1.1).to_pil().save("examples/briefs/teacher-pitch-page-1.png", optimize=True)'
	@echo "Wrote examples/briefs/teacher-page-1.png and examples/briefs/teacher-pitch-page-1.png"

# The Latin cut of each bundled face, embedded whole in a web page that needs no other
# characters (see careerstory/render/webpage.py); run after changing a font.
fonts: $(VENV)/.dev
	$(BIN)/python -c 'from pathlib import Path; from careerstory.render.webpage import write_precuts; print(*write_precuts(Path("templates/fonts")), sep="\n")'

schema: $(BIN)/careerstory
	$(BIN)/careerstory schema > examples/careerstory.schema.json

# Figures, never timed tests: ratios against bare Typer and bare WeasyPrint, one run.
bench: wheel-check
	BENCH_VENV=build/wheel/venv $(BIN)/python tests/bench/bench.py

# The wheel alone, in a fresh virtual environment, run from another folder, renders a PDF.
wheel-check: $(BIN)/careerstory
	rm -rf build/wheel && mkdir -p build/wheel
	$(BIN)/python -m pip wheel --quiet --no-deps . -w build/wheel
	$(PYTHON) -m venv build/wheel/venv
	build/wheel/venv/bin/python -m pip install --quiet build/wheel/*.whl
	cd /tmp && $(CURDIR)/build/wheel/venv/bin/careerstory render $(CURDIR)/$(EXAMPLE) --pdf --force \
		--out $(CURDIR)/build/wheel/brief.pdf
	@test -s build/wheel/brief.pdf && echo "The installed wheel rendered build/wheel/brief.pdf"

clean:
	rm -rf out build tests/node_modules *.egg-info .pytest_cache .mypy_cache .ruff_cache

# Translations (see "Adding a language" in README.md): extract every message into the
# template catalog, carry new and changed ones into each language's .po, compile the .mo
# files that careerstory reads and copy the CLDR forms it prints into cldr.json beside
# them (all committed, so a checkout and the wheel run without Babel's command line).
LOCALE := careerstory/i18n/locale
PYBABEL := $(BIN)/pybabel

messages: $(VENV)/.dev
	$(PYBABEL) extract --mapping-file babel.cfg --keywords n_:1,2 --add-location file --sort-output \
		--ignore-dirs '.* ._ build out tests examples' \
		--project careerstory --version "$$($(BIN)/python -c 'import careerstory; print(careerstory.__version__)')" \
		--copyright-holder "careerstory's authors" --output-file $(LOCALE)/careerstory.pot .

messages-update: messages
	$(PYBABEL) update --no-fuzzy-matching --input-file $(LOCALE)/careerstory.pot --output-dir $(LOCALE) --domain careerstory \
		--ignore-pot-creation-date

messages-compile: $(VENV)/.dev
	$(PYBABEL) compile --directory $(LOCALE) --domain careerstory --statistics
	$(BIN)/python -m careerstory.i18n.cldr
