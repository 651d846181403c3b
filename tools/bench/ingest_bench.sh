#!/bin/sh
# Whole-corpus ingest of the BBC articles (../shared/data/news/bbc, every
# article kg reads as UTF-8: sport/199.txt is latin-1), into a fresh store,
# RUNS times: the median wall time and the store it builds. Usage:
#   ingest_bench.sh KG_BINARY [RUNS]
# Skips with a message when ../shared/data is absent.
set -e
KG=$1
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BBC="$ROOT/../shared/data/news/bbc"
if [ ! -d "$BBC" ]; then
  echo "ingest_bench: skipped: $BBC is absent"
  exit 0
fi
DB=$(mktemp -d)/kg.db
FILES=$(find "$BBC" -name '*.txt' ! -path '*/sport/199.txt' ! -name 'README*' | sort)
TIMES=""
i=0
while [ $i -lt "$RUNS" ]; do
  rm -rf "$DB"
  START=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$KG" --db "$DB" ingest $FILES > /dev/null
  END=$(date +%s.%N)
  TIMES="$TIMES $(awk "BEGIN { printf \"%.2f\", $END - $START }")"
  i=$((i + 1))
done
MEDIAN=$(echo $TIMES | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "ingest_bench: BBC corpus ($(echo "$FILES" | wc -l) files), median of $RUNS runs: ${MEDIAN} s wall (runs:$TIMES)"
"$KG" --db "$DB" stats | tr '\n' ' ' | sed 's/  */ /g; s/^/ingest_bench: store: /'
echo
rm -rf "$(dirname "$DB")"
