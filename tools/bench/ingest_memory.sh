#!/bin/sh
# Peak memory of `kg ingest` on one large JSONL file (issue 22, item 5: a
# batch of any size is not held in memory at once). Generates ARTICLES
# articles of about 5 KB each (a JSONL of about 5 KB x ARTICLES, written to a
# temporary directory, never committed), ingests them with the baseline
# extractor (an empty model directory, so the figure is the reading and the
# writing, not the models) and prints the peak resident set size that
# /usr/bin/time -v reports, with and without near-duplicate detection.
# Usage:
#   ingest_memory.sh KG_BINARY [ARTICLES]   (default 20000)
set -e
KG=$1
ARTICLES=${2:-20000}
if [ ! -x /usr/bin/time ]; then
  echo "ingest_memory: skipped: /usr/bin/time is absent (Debian package time)"
  exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$ARTICLES" > "$TMP/articles.jsonl" <<'PY'
import json, random, sys
random.seed(3)
words = ("the a port union strike pay safety harbour ships waited talks minister council budget vote schools "
         "water trade farmers market price rain river city north south report figures week month year said").split()
for i in range(int(sys.argv[1])):
    text = " ".join(" ".join(random.choice(words) for _ in range(18)).capitalize() + f" {i}-{k}." for k in range(40))
    print(json.dumps({"id": f"w-{i}", "date": "2024-05-01", "text": text}))
PY
mkdir "$TMP/no-models"
for flags in "" "--keep-duplicates"; do
  rm -rf "$TMP/kg.db"
  KG_MODELS="$TMP/no-models" /usr/bin/time -v "$KG" --db "$TMP/kg.db" ingest -q --threads 2 $flags \
    "$TMP/articles.jsonl" > /dev/null 2> "$TMP/time.txt"
  RSS=$(awk -F': ' '/Maximum resident/ {print $2}' "$TMP/time.txt")
  echo "ingest_memory: $ARTICLES articles ($(du -m "$TMP/articles.jsonl" | cut -f1) MB JSONL) ${flags:-(near-duplicates detected)}: peak RSS $((RSS / 1024)) MB"
done
