# 两个命令：make site（搭环境、检查并生成站点）与 make test（搭环境并运行全部测试）。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test test-fast browser bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/xxgk check

site: $(STAMP)
	$(BIN)/xxgk check
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Debian's chromium and a CJK font for the browser tests (no browser download).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk'; then \
	  echo "安装 chromium 与中文字体（Debian 软件包）…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

test: $(STAMP) browser
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
