#!/bin/sh
# `make bench`: runs the benchmarks built in the build directory given as $1
# (one line per benchmark; each skips cleanly when ../shared/data is absent).
set -e
BUILD=${1:-build/release}
BENCH="$BUILD/tools/bench"

"$BENCH/nlp_bench" --runs 5
"$BENCH/parser_bench" --runs 3

# Store and graph figures of issue 5 on the 1M-triple gen-kg file, generated
# into the build directory once (never committed).
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GEN_KG="$ROOT/../shared/tools/gen-kg"
TRIPLES="$BUILD/kg-1m.tsv"
if [ ! -f "$TRIPLES" ] && [ -f "$GEN_KG" ]; then
  echo "store_bench: generating $TRIPLES (gen-kg --triples 1000000 --seed 42)"
  python3 "$GEN_KG" --triples 1000000 --seed 42 > "$TRIPLES.tmp" && mv "$TRIPLES.tmp" "$TRIPLES"
fi
if [ -f "$TRIPLES" ]; then
  "$BENCH/store_bench" --tsv "$TRIPLES" --db "$BUILD/bench-store.db" --runs 5
  rm -rf "$BUILD/bench-store.db"
  # Cypher against Kuzu on the same graph (issue 24).
  "$(dirname "$0")/cypher_vs_kuzu.sh" "$BUILD" "$TRIPLES" 5
else
  echo "store_bench: skipped: $GEN_KG is absent"
fi

# Whole BBC corpus through kg ingest on 1 and 2 threads (issue 19: no slower
# than before the fact gate; issue 22: at least 1.7x on 2 cores, under 10 s).
"$(dirname "$0")/ingest_bench.sh" "$BUILD/tools/kg/kg" 3
"$(dirname "$0")/scaleout_bench.sh" "$BUILD/tools/kg/kg"

# Peak memory of one large JSONL batch (issue 22: bounded on any batch size).
"$(dirname "$0")/ingest_memory.sh" "$BUILD/tools/kg/kg" 20000

# Curation (issue 25): one edit's commit, and reads with 1,000 edits in place
# against none, on the BBC store (built once into the build directory).
BBC="$ROOT/../shared/data/news/bbc"
if [ -d "$BBC" ]; then
  [ -d "$BUILD/curation-bbc.db" ] || "$BUILD/tools/kg/kg" --db "$BUILD/curation-bbc.db" ingest -q --encoding auto "$BBC" || true
  "$BENCH/curation_bench" --db "$BUILD/curation-bbc.db" --edits 1000 --runs 5
else
  echo "curation_bench: skipped: $BBC is absent"
fi
