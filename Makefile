# credit-check: `make serve`, `make test`, `make build` (see README.md).
# Every target installs what it needs and is quick when everything is already there.

SHELL := /bin/bash
.DEFAULT_GOAL := build
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: setup setup-wasm setup-npm setup-browser setup-valgrind build serve test test-rust test-node test-types test-e2e lint fmt-check clippy pack native-bin schemas bench setup-fuzz fuzz-run fuzz fuzz-smoke

setup: setup-wasm setup-npm

setup-wasm:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
	@if ! wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2 minutes, once)"; \
	  cargo install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)" --no-default-features --quiet; \
	fi

setup-npm: node_modules/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Chromium for the browser tests, a CJK font so that the screenshots show Chinese, not boxes, and
# poppler-utils (pdftotext, pdftoppm) to read and picture the printed report.
setup-browser:
	@{ command -v chromium >/dev/null && command -v pdftotext >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; } || { \
	  echo "installing Debian chromium, fonts-noto-cjk and poppler-utils for the browser tests"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null; } || \
	  { echo "could not install chromium (run as root, or install it yourself)"; exit 1; }; }

build: setup
	@scripts/build.sh

serve: build
	@python3 scripts/serve.py --port 8080

lint: setup-npm
	@eslint www tests scripts benches

fmt-check:
	@cargo fmt --check

# The lean module (no feature `full`) embeds the precompiled built-in policy: `pack` writes it.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
PACK := $(abspath $(TARGET_DIR))/modules/builtin.pack

pack:
	@mkdir -p $(dir $(PACK))
	@cargo run --quiet --features cli --example pack_builtin -- $(PACK) $(dir $(PACK))texts.en.bin

clippy: setup-wasm pack
	@cargo clippy --quiet --all-targets --features cli -- -D warnings
	@cargo clippy --quiet --target wasm32-unknown-unknown --lib -- -D warnings
	@CREDIT_CHECK_BUILTIN_PACK=$(PACK) cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings

test-rust:
	@cargo test --quiet --features cli

native-bin:
	@cargo build --quiet --features cli

test-node: build native-bin
	@node --test tests/node/

test-types: build
	@tsc -p tests/ts && echo "tsc: tests/ts/usage.ts and element.ts type-check against pkg/ declarations"

# Fuzzing (cargo-fuzz, libFuzzer, on the stable toolchain with RUSTC_BOOTSTRAP and no sanitizer):
# `make fuzz` runs each target FUZZ_SECONDS (default 200: 13 minutes in all); `make test` runs a
# short smoke of each. A crash or a hang fails the target and leaves the input in fuzz/artifacts/.
FUZZ_SECONDS ?= 200
FUZZ_TARGETS := profile policy evaluate expressions

setup-fuzz:
	@command -v cargo-fuzz >/dev/null || { echo "installing cargo-fuzz (once)"; cargo install cargo-fuzz --quiet; }

fuzz-run: setup-fuzz
	@python3 scripts/fuzz_corpus.py
	@set -o pipefail; cd fuzz && for t in $(FUZZ_TARGETS); do \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run $$t --sanitizer none --release corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=1024 -print_final_stats=1 2>&1 \
	  | grep -E "^(Done|stat::number_of_executed_units)|panicked|ERROR|SUMMARY" | sed "s/^/fuzz $$t: /" || exit 1; done

# `make fuzz` also runs thousands of generated policies at the documented limits (tests/limits_gen.rs).
fuzz:
	@CC_LIMIT_POLICIES=3000 cargo test --quiet --release --features cli --test limits_gen
	@$(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=$(FUZZ_SECONDS)

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=10

# Benchmarks print figures; they are not part of `make test`. The size budget fails the target.
# ZEN's addon is installed for the benchmark only: its lock entries break `npm ci` (npm cannot
# record its optional platform packages), so it stays out of package-lock.json.
# valgrind for the instruction counts (callgrind), which do not vary from run to run as timings do.
setup-valgrind:
	@command -v valgrind >/dev/null || { echo "installing Debian valgrind for the instruction counts"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; } || \
	  { echo "could not install valgrind (run as root, or install it yourself)"; exit 1; }; }

bench: build setup-valgrind
	@test -d node_modules/@gorules/zen-engine || npm install --no-save --no-audit --no-fund --loglevel=error @gorules/zen-engine@0.54.0
	@cargo build --quiet --release --features cli
	@cargo bench --quiet --bench core
	@scripts/instructions.sh
	@python3 scripts/batch_rate.py $(or $(CARGO_TARGET_DIR),target)/release/credit-check $(or $(CARGO_TARGET_DIR),target)/bench
	@node benches/compare.mjs

schemas:
	@UPDATE_SCHEMAS=1 cargo test --quiet --test schemas

test-e2e: build setup-browser
	@node --test tests/e2e/

test: fmt-check clippy lint test-rust test-node test-types test-e2e fuzz-smoke
	@echo "make test: all layers passed"
