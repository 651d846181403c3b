#!/bin/sh
# `make fuzz`: runs each libFuzzer target of tools/fuzz for SECONDS (default
# 60) from a seed corpus written here from the project's own inputs, and
# prints each target's executions and findings. Crashes land in
# BUILD/fuzz-findings/<target>/ and make the run fail.
#   run.sh BUILD_DIR [SECONDS|replay] [RELEASE_KG] [TARGET...]
# With "replay" (the ctest FuzzCorpusReplay of the fuzz preset), each
# target runs every seed once under ASan and UBSan and stops. With FUZZ_RUNS
# set (make fuzz FUZZ_RUNS=10000000), a target also stops after that many
# executions; SECONDS is then the cap on each target's time.
set -e
BUILD=${1:-build/fuzz}
SECONDS_EACH=${2:-60}
KG=${3:-build/release/tools/kg/kg}
[ $# -gt 3 ] && shift 3 && TARGETS="$*"
TARGETS=${TARGETS:-source record cypher tsv conllu model}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS="$BUILD/fuzz-corpus"
FINDINGS="$BUILD/fuzz-findings"
# (Seeds are written for every target, so every corpus folder exists even
# when only some targets run.)
for t in source record cypher tsv conllu model; do mkdir -p "$CORPUS/$t"; done

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
  for f in "$ROOT"/examples/*.txt; do
    "$KG" nlp "$f" > "$CORPUS/conllu/$(basename "$f").conllu" 2>/dev/null || true
  done
fi
n=0
while IFS= read -r q; do
  n=$((n + 1))
  printf '%s' "$q" > "$CORPUS/cypher/seed-$n"
done < "$ROOT/tools/fuzz/cypher_seeds.txt"

# TSV triples: good lines, a comment, CRLF, a BOM, and lines the reader refuses.
printf 'Anna Schmidt\tmeets\tPeter Lang\n# a comment\nBonn Group\tbased_in\tBonn\r\n' > "$CORPUS/tsv/good"
printf '\357\273\277Tony Blair\tleads\tLabour\n\nLabour\tbased_in\tLondon\n' > "$CORPUS/tsv/bom"
printf 'a\tb\n!!!\tr\tx\n' > "$CORPUS/tsv/bad-fields"
# CoNLL-U: a sentence with a multiword token and an empty node, comments.
printf '# sent_id = 1\n# text = Anna met Peter.\n1\tAnna\tAnna\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tPeter\tPeter\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n' > "$CORPUS/conllu/small"
printf '1-2\tdon'"'"'t\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn'"'"'t\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n2.1\tx\tx\tX\tX\t_\t_\t_\t1:dep\t_\n\n' > "$CORPUS/conllu/multiword"
# Model files: the first 4 KB of each shipped model's payload (after the
# magic, the kind and the version), behind the byte that picks its loader.
for pair in tagger:0 parser:1 lemmatizer:2 tokenizer:3 ner:4 clusters:5; do
  model="$ROOT/ingest/models/${pair%:*}.kgm"
  [ -f "$model" ] || continue
  kind_len=$(od -An -tu4 -j8 -N4 "$model" | tr -d ' ')
  { printf "\\00${pair#*:}"; tail -c +$((8 + 4 + kind_len + 4 + 1)) "$model" | head -c 4096; } > "$CORPUS/model/${pair%:*}"
done

status=0
for name in $TARGETS; do
  target=${name}_fuzz
  mkdir -p "$FINDINGS/$name"
  log="$BUILD/fuzz-$name.log"
  if [ "$SECONDS_EACH" = replay ]; then
    limit="-runs=0"
  else
    limit="-max_total_time=$SECONDS_EACH${FUZZ_RUNS:+ -runs=$FUZZ_RUNS}"
  fi
  started=$(date +%s)
  # -timeout: one input running 60 s is a hang, reported as a finding;
  # libFuzzer's default (1200 s) outlasts a run of a few minutes, which then
  # ends stuck on that input without naming it.
  if "$BUILD/tools/fuzz/$target" "$CORPUS/$name" $limit -timeout=60 -rss_limit_mb=2048 \
       -artifact_prefix="$FINDINGS/$name/" -print_final_stats=1 > "$log" 2>&1; then
    result="no finding"
  else
    result="FINDING (see $FINDINGS/$name/ and $log)"
    status=1
  fi
  wall=$(($(date +%s) - started))
  runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  speed=$(grep -m1 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
  if [ "$SECONDS_EACH" = replay ]; then
    echo "fuzz: $name: ${runs:-?} seeds replayed, $result"
  else
    echo "fuzz: $name: ${runs:-?} executions in $wall s (${speed:-?} exec/s)," \
         "corpus $(ls "$CORPUS/$name" | wc -l) inputs, $result"
  fi
done
exit $status
