#!/bin/sh
# kg's Cypher beside Kuzu's (npm kuzu 0.11.3) on the gen-kg graph, issue 24:
# the queries of cypher_queries.tsv, each timed warm in one process per
# engine (cypher_bench: a kg session, as the REPL; kuzu_bench.js: one Node
# process), median of RUNS runs. Prints both medians of wall and of CPU time
# (the process's, all threads), Kuzu / kg for each, and whether the two
# answers agree (row count and first cell).
#   tools/bench/cypher_vs_kuzu.sh BUILD_DIR TRIPLES_TSV [RUNS]
set -e
BUILD=${1:-build/release}
TRIPLES=$2
RUNS=${3:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KG="$BUILD/tools/kg/kg"
WORK="$BUILD/cypher-bench"
QUERIES="$ROOT/tools/bench/cypher_queries.tsv"

if [ ! -f "$TRIPLES" ]; then
  echo "cypher_vs_kuzu: skipped: no gen-kg file ($TRIPLES)"
  exit 0
fi
# Node and kuzu as `make conformance` installs them (same directory, shared).
"$ROOT/tools/bootstrap.sh" conformance
. "$ROOT/tools/conformance/kuzu.sh"
mkdir -p "$WORK"
if [ ! -d "$WORK/kg.db" ]; then
  "$KG" --db "$WORK/kg.db" ingest --triples "$TRIPLES" >/dev/null
  "$KG" --db "$WORK/kg.db" export --format csv -o "$WORK/csv" >/dev/null 2>&1
fi
"$BUILD/tools/bench/cypher_bench" --db "$WORK/kg.db" --queries "$QUERIES" --runs "$RUNS" > "$WORK/kg.out"
NODE_PATH="$KUZU_NODE_PATH" \
  node "$ROOT/tools/bench/kuzu_bench.js" "$WORK/csv" "$WORK/kuzu" "$QUERIES" "$RUNS" > "$WORK/kuzu.out"
echo "cypher_vs_kuzu: $(basename "$TRIPLES"), warm medians of $RUNS runs (ms; load: $(cut -d' ' -f1 /proc/loadavg))"
awk -F'\t' '
  function ratio(kg, kuzu) { return (kg + 0 > 0 && kuzu + 0 > 0) ? sprintf("%.1fx", kuzu / kg) : "-" }
  NR == FNR { kms[$1] = $2; krows[$1] = $3; kfirst[$1] = $4; kcpu[$1] = $5; order[++n] = $1; next }
  { zms[$1] = $2; zrows[$1] = $3; zfirst[$1] = $4; zcpu[$1] = $5 }
  END {
    printf "%-15s %9s %9s %7s %9s %9s %7s  %s\n", "query", "kg wall", "kuzu", "ratio", "kg cpu", "kuzu", "ratio", "answers"
    for (i = 1; i <= n; ++i) {
      q = order[i]
      same = (krows[q] == zrows[q] && kfirst[q] == zfirst[q]) ? "same" : "DIFFER (kg " krows[q] " rows, " kfirst[q] "; kuzu " zrows[q] " rows, " zfirst[q] ")"
      printf "%-15s %9s %9s %7s %9s %9s %7s  %s\n", q, kms[q], zms[q], ratio(kms[q], zms[q]), kcpu[q], zcpu[q], ratio(kcpu[q], zcpu[q]), same
    }
  }' "$WORK/kg.out" "$WORK/kuzu.out"
