#!/bin/sh
# The README's scale-out recipe on the BBC corpus, against a direct ingest:
# the articles split into two shards, `kg extract --format jsonl` run on both
# at once, then `kg ingest --triples` of the records; the JSON export of the
# store it builds must equal that of `kg ingest` of the same articles. Prints
# both wall times and whether the exports match (exit 1 when they differ).
# Usage:
#   scaleout_bench.sh KG_BINARY
# Skips with a message when ../shared/data is absent.
set -e
KG=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BBC="$ROOT/../shared/data/news/bbc"
if [ ! -d "$BBC" ]; then
  echo "scaleout_bench: skipped: $BBC is absent"
  exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
find "$BBC" -name '*.txt' ! -name 'README*' | sort > "$TMP/files"
split -n l/2 "$TMP/files" "$TMP/shard."
now() { date +%s.%N; }

START=$(now)
xargs "$KG" --db "$TMP/direct.db" ingest -q --threads 2 --encoding auto < "$TMP/files" > /dev/null
DIRECT=$(awk "BEGIN { printf \"%.2f\", $(now) - $START }")

START=$(now)
for shard in "$TMP"/shard.*; do
  xargs "$KG" extract --format jsonl --encoding auto < "$shard" > "$shard.jsonl" &
done
wait
cat "$TMP"/shard.*.jsonl > "$TMP/records.jsonl"
"$KG" --db "$TMP/shards.db" ingest -q --triples "$TMP/records.jsonl" > /dev/null
SHARDS=$(awk "BEGIN { printf \"%.2f\", $(now) - $START }")

"$KG" --db "$TMP/direct.db" export --format json -o "$TMP/direct.json" 2> /dev/null
"$KG" --db "$TMP/shards.db" export --format json -o "$TMP/shards.json" 2> /dev/null
if cmp -s "$TMP/direct.json" "$TMP/shards.json"; then SAME=identical; else SAME=DIFFERENT; fi
echo "scaleout_bench: BBC corpus, direct ingest ${DIRECT} s wall; 2 shards extracted at once + ingest --triples ${SHARDS} s wall; exports ${SAME}"
[ "$SAME" = identical ]
