# 两个命令：make site（搭环境、检查并生成站点）与 make test（搭环境并运行全部测试）。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test test-fast lint browser bench check clean editor editor-npm

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/xxgk check

# NO_MKDOCS_2_WARNING: Material 9.7+ prints an English notice about MkDocs 2.0 in every build
# log; it says nothing about this site (docs/site.md).
site: $(STAMP)
	$(BIN)/xxgk check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

# Debian's chromium and CJK fonts for the browser tests (no browser download): Noto CJK draws
# every character we publish (WenQuanYi Micro Hei has an empty ℃); axe-core, pinned, for the
# accessibility audit (tests/browser/test_a11y.py), into .cache/npm (not committed).
AXE_VERSION := 4.11.1
AXE := .cache/npm/node_modules/axe-core/package.json

browser: $(AXE)
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'wenquanyi' \
	    || ! fc-list 2>/dev/null | grep -qi 'noto sans cjk sc' || ! fc-list 2>/dev/null | grep -qi 'noto serif cjk sc'; then \
	  echo "安装 chromium 与中文字体（Debian 软件包）…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei fonts-noto-cjk >/dev/null; \
	fi

$(AXE): Makefile
	@echo "安装 axe-core $(AXE_VERSION)（npm，装到 .cache/npm）…"
	npm install --silent --no-save --no-audit --no-fund --prefix .cache/npm axe-core@$(AXE_VERSION)
	@grep -q '"version": "$(AXE_VERSION)"' $(AXE) && touch $(AXE)

# The web editor (docs/editor.md): Decap CMS and its local proxy, pinned by the lock file in
# tools/xxgk/editor/npm/, installed with npm ci into .cache/npm/editor (not committed).
EDITOR_NPM := .cache/npm/editor/.installed

editor-npm: $(EDITOR_NPM)

$(EDITOR_NPM): tools/xxgk/editor/npm/package.json tools/xxgk/editor/npm/package-lock.json
	@echo "安装 Decap CMS（npm ci，装到 .cache/npm/editor）…"
	mkdir -p .cache/npm/editor
	cp tools/xxgk/editor/npm/package.json tools/xxgk/editor/npm/package-lock.json .cache/npm/editor/
	npm ci --silent --no-audit --no-fund --ignore-scripts --prefix .cache/npm/editor
	touch $(EDITOR_NPM)

# Training and local work: the editor on 127.0.0.1 against this working copy.
editor: $(STAMP) $(EDITOR_NPM)
	$(BIN)/xxgk editor serve

# Lint, layout and types: ruff (rules and formatting) and mypy --strict (settings in pyproject.toml);
# `ruff format tools tests` rewrites what the format check refuses.
lint: $(STAMP)
	$(BIN)/ruff check tools tests
	$(BIN)/ruff format --check tools tests
	$(BIN)/mypy

test: $(STAMP) browser lint $(EDITOR_NPM)
	$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo '没有收集到任何测试：按失败处理。' >&2; exit 1; fi; exit $$rc

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser"

# Every part runs even when one misses its target; the exit code says whether all were met.
bench: $(STAMP) browser
	$(BIN)/xxgk bench all; rc=$$?; \
	$(BIN)/python -m xxgk.bench.review_bench 20000 || rc=1; \
	exit $$rc

clean:
	rm -rf site .bench
