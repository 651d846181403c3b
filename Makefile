# The two commands of the quick start are `make demo` and `make test`; each
# bootstraps the Debian packages and builds first, so each works alone on a
# fresh machine. `make check` is the fast tier: every test but those labelled
# `slow` in tests/CMakeLists.txt (training determinism, crash loops).
JOBS ?= $(shell nproc)
BUILD := build/release
KG := $(BUILD)/tools/kg/kg
DEMO_DB := demo/kg.db

.PHONY: all bootstrap build demo test check test-asan bench conformance fuzz stress clean

all: build

bootstrap:
	@tools/bootstrap.sh

$(BUILD)/build.ninja: | bootstrap
	@cmake --preset release >/dev/null

build: bootstrap $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@tools/demo.sh $(KG) demo

# `make test` and `make check` also install Node and Kuzu (tools/bootstrap.sh
# test) for the Cypher conformance subset, which skips when they cannot be had.
test: build
	@tools/bootstrap.sh test
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

check: build
	@tools/bootstrap.sh test
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow --timeout 900

test-asan: bootstrap
	@cmake --preset asan >/dev/null
	@cmake --build build/asan -j $(JOBS)
	@cd build/asan && ctest --output-on-failure -j $(JOBS) -LE slow --timeout 900

# libFuzzer targets of tools/fuzz (clang, ASan, UBSan), FUZZ_SECONDS each, or
# FUZZ_RUNS executions each if set first (FUZZ_SECONDS is then the cap).
FUZZ_SECONDS ?= 60
fuzz: build
	@tools/bootstrap.sh fuzz
	@cmake --preset fuzz >/dev/null
	@cmake --build build/fuzz -j $(JOBS) --target source_fuzz record_fuzz cypher_fuzz tsv_fuzz conllu_fuzz model_fuzz
	@FUZZ_RUNS=$(FUZZ_RUNS) tools/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(KG)

bench: build
	@tools/bench/run.sh $(BUILD)

# kg's Cypher against Kuzu (npm kuzu 0.11.3) on the examples, 100 BBC
# articles and the gen-kg 1M graph: tools/conformance/suite.js.
conformance: build
	@tools/conformance/run.sh $(BUILD)

stress: build
	@cd $(BUILD) && KG_STRESS_ROUNDS=100 ctest --output-on-failure -R crash

clean:
	rm -rf build demo
