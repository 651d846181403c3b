#!/bin/sh
# `make fuzz`: runs each libFuzzer target of tools/fuzz for SECONDS (default
# 60) from a seed corpus written here from the project's own inputs, and
# prints each target's executions and findings. Crashes land in
# BUILD/fuzz-findings/<target>/ and make the run fail.
#   run.sh BUILD_DIR [SECONDS] [RELEASE_KG]
set -e
BUILD=${1:-build/fuzz}
SECONDS_EACH=${2:-60}
KG=${3:-build/release/tools/kg/kg}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS="$BUILD/fuzz-corpus"
FINDINGS="$BUILD/fuzz-findings"
mkdir -p "$CORPUS/source" "$CORPUS/record" "$CORPUS/cypher"

# Seeds: the example articles (the first byte picks the reader: 0 text,
# 1 Markdown, 2 HTML, 3 JSONL), record lines of kg extract, and queries.
for f in "$ROOT"/examples/*; do
  case "$f" in
    *.md) tag='\001' ;; *.html) tag='\002' ;; *.jsonl) tag='\003' ;; *) tag='\000' ;;
  esac
  { printf "$tag"; cat "$f"; } > "$CORPUS/source/$(basename "$f")"
done
if [ -x "$KG" ]; then
  "$KG" extract --format jsonl "$ROOT"/examples/* 2>/dev/null | split -l 1 - "$CORPUS/record/line-" || true
fi
n=0
while IFS= read -r q; do
  n=$((n + 1))
  printf '%s' "$q" > "$CORPUS/cypher/seed-$n"
done < "$ROOT/tools/fuzz/cypher_seeds.txt"

status=0
for target in source_fuzz record_fuzz cypher_fuzz; do
  name=${target%_fuzz}
  mkdir -p "$FINDINGS/$name"
  log="$BUILD/fuzz-$name.log"
  if "$BUILD/tools/fuzz/$target" "$CORPUS/$name" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 \
       -artifact_prefix="$FINDINGS/$name/" -print_final_stats=1 > "$log" 2>&1; then
    result="no finding"
  else
    result="FINDING (see $FINDINGS/$name/ and $log)"
    status=1
  fi
  runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "fuzz: $name: ${runs:-?} executions in ${SECONDS_EACH} s, $result"
done
exit $status
