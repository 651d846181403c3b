#!/usr/bin/env bash
# make demo: ingest examples/ into a fresh store and show what kg found.
#   tools/demo.sh KG_BINARY DEMO_DIR
# Prints the counts, the most connected entities and a few facts with their
# source sentences; writes the diagram as DOT (and SVG and PNG when graphviz
# is installed) and prints the paths.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: tools/demo.sh KG_BINARY DEMO_DIR" >&2
  exit 1
fi
kg=$1
dir=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ! -x "$kg" ]]; then
  echo "demo: error: $kg is not an executable kg binary (run 'make build' first)" >&2
  exit 1
fi

mkdir -p "$dir"
# Absolute paths, then work from the repository root so that document ids
# read "examples/<file>" rather than depending on where make was run.
kg=$(cd "$(dirname "$kg")" && pwd)/$(basename "$kg")
dir=$(cd "$dir" && pwd)
cd "$root"
db="$dir/kg.db"
rm -rf "$db"  # a fresh store every time: the demo shows exactly examples/
run() { "$kg" --db "$db" "$@"; }
section() { printf '\n== %s\n' "$1"; }

section "kg ingest examples/"
run ingest --quiet examples

section "what is in the store (kg stats)"
run stats

section "most connected entities (kg query ':top 8 by degree')"
run query ':top 8 by degree'

section "a few facts with their source sentences"
# Picked from the JSON export: facts between named entities (titles left
# out), best supported first, then those joining the most connected
# entities; each with the sentence it came from.
json="$dir/graph.json"
run export --format json -o "$json"
if command -v python3 >/dev/null 2>&1; then
  python3 - "$json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
names = {n["id"]: n["name"] for n in g["nodes"]}
types = {n["id"]: n["type"] for n in g["nodes"]}
degree = {}
for e in g["edges"]:
    for end in (e["source"], e["target"]):
        degree[end] = degree.get(end, 0) + 1
edges = [e for e in g["edges"] if types[e["target"]] != "CONCEPT" and e.get("evidence")]
edges.sort(key=lambda e: (-e["count"], -(degree[e["source"]] + degree[e["target"]]), -e["confidence"],
                          names[e["source"]], e["relation"], names[e["target"]]))
for e in edges[:5]:
    ev = e["evidence"][0]
    print(f'{names[e["source"]]} -[{e["relation"]}]-> {names[e["target"]]}   (x{e["count"]})')
    print(f'    "{ev["text"]}"   [{ev["doc"]}]')
PY
else
  echo "(python3 not found: see $json for every fact with its evidence)"
fi

section "diagram (the entity graph: named entities and the relations between them)"
dot_file="$dir/graph.dot"
run export --format dot -o "$dot_file"
echo "DOT:  $dot_file"
if command -v dot >/dev/null 2>&1; then
  run export --format svg -o "$dir/graph.svg"
  run export --format png -o "$dir/graph.png"
  run export --format png --focus "Lucia Andrade" --depth 2 -o "$dir/andrade.png"
  echo "SVG:  $dir/graph.svg (hover an arrow for its source sentence)"
  echo "PNG:  $dir/graph.png, and $dir/andrade.png (--focus \"Lucia Andrade\" --depth 2)"
else
  echo "SVG:  skipped: graphviz is not installed (sudo apt-get install graphviz, then: dot -Tsvg $dot_file -o $dir/graph.svg)"
fi
echo "JSON: $json"
echo "store: $db   (try: $kg --db $db repl)"
