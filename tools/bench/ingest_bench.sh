#!/bin/sh
# Whole-corpus ingest of the BBC articles (../shared/data/news/bbc, every
# article kg reads as UTF-8 without --encoding: sport/199.txt is latin-1),
# into a fresh store: RUNS alternating runs on 1 and on 2 extraction
# threads, the median wall time of each and the speed-up, then the store it
# builds. Usage:
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
TMP=$(mktemp -d)
DB="$TMP/kg.db"
FILES=$(find "$BBC" -name '*.txt' ! -path '*/sport/199.txt' ! -name 'README*' | sort)
median() { echo "$1" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ONE=""
TWO=""
i=0
while [ $i -lt "$RUNS" ]; do
  for threads in 1 2; do
    rm -rf "$DB"
    START=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$KG" --db "$DB" ingest -q --threads $threads $FILES > /dev/null
    END=$(date +%s.%N)
    T=$(awk "BEGIN { printf \"%.2f\", $END - $START }")
    if [ $threads = 1 ]; then ONE="$ONE $T"; else TWO="$TWO $T"; fi
  done
  i=$((i + 1))
done
M1=$(median "$ONE")
M2=$(median "$TWO")
echo "ingest_bench: BBC corpus ($(echo "$FILES" | wc -l) files), median of $RUNS alternating runs: 1 thread ${M1} s, 2 threads ${M2} s wall, speed-up $(awk "BEGIN { printf \"%.2f\", $M1 / $M2 }")x (1 thread:$ONE; 2 threads:$TWO)"
"$KG" --db "$DB" stats | tr '\n' ' ' | sed 's/  */ /g; s/^/ingest_bench: store: /'
echo
rm -rf "$TMP"
