#!/bin/sh
# `make bench`: runs the benchmarks built in the build directory given as $1
# (one line per benchmark; each skips cleanly when ../shared/data is absent).
set -e
BUILD=${1:-build/release}
BENCH="$BUILD/tools/bench"

"$BENCH/parser_bench" --runs 3
