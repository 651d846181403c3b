#!/bin/sh
# The layering rule of DESIGN.md, checked on every #include of the tree:
# a folder may include only itself and the layers below it. Prints each
# violation as FILE:LINE: INCLUDE and exits 1 when there is any.
#
#   base            -> (nothing)
#   graph/store     -> base, graph/store    (persistence only: no identity rule above it)
#   graph/identity  -> base, graph/store, graph/identity
#   graph (others)  -> base, graph
#   ingest/source   -> base, ingest/source
#   ingest/nlp      -> base, ingest/nlp
#   ingest/extract  -> base, ingest/nlp, ingest/extract
#   ingest/resolve  -> base, graph, ingest/nlp, ingest/extract, ingest/resolve
#   ingest (top)    -> base, graph, ingest
#   query           -> base, graph, query
#   ingest/nlp/train -> base, ingest/nlp   (the trainers, part of nlp)
#   tools/train     -> base, ingest/nlp, ingest/extract, tools/train
#
# And the one-public-header rule: outside its own library, a folder is
# included only through its public header (PUBLIC below, the same list the
# kg_headers() calls of the CMakeLists give). The build enforces it too (a
# target's include roots hold only what it may include); this check also
# catches a private header that a public one happens to pull in. Tests,
# benchmarks and fuzzers are white-box and exempt.
ROOT=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$ROOT" || exit 2
status=0
check() {  # check DIR ALLOWED_PREFIX...
  dir=$1
  shift
  pattern=$(printf '%s/|' "$@" | sed 's/|$//')
  # Project includes only ("x/y.h" with a folder); system headers use <>.
  bad=$(find "$dir" -maxdepth 1 -name '*.cc' -o -maxdepth 1 -name '*.h' | xargs grep -n '#include "[a-z_]*/' 2>/dev/null |
        grep -Ev "#include \"($pattern)")
  if [ -n "$bad" ]; then
    echo "$bad" | sed "s|^|layering: $dir may include only $*: |"
    status=1
  fi
}
check base base
check graph/store base graph/store
check graph/identity base graph/store graph/identity
for d in graph graph/schema graph/algo graph/export; do check "$d" base graph; done
check ingest/source base ingest/source
check ingest/nlp base ingest/nlp
check ingest/extract base ingest/nlp ingest/extract
check ingest/resolve base graph ingest/nlp ingest/extract ingest/resolve
check ingest base graph ingest
check query base graph query
check query/cypher base graph query
check ingest/nlp/train base ingest/nlp
check tools/train base ingest/nlp ingest/extract tools/train

# FOLDER:HEADER... ; base is absent: every base header is public.
PUBLIC="graph/store:store.h graph/identity:identity.h graph/schema:schema.h graph:view.h graph/algo:algo.h
graph/export:export.h ingest/source:source.h ingest/nlp:nlp.h ingest/nlp/train:train.h ingest/extract:extract.h
ingest/resolve:resolve.h ingest:pipeline.h query:query.h query/cypher:cypher.h tools/train:train.h,coref_eval.h"
# One pass over every #include of the non-white-box code (a loop of shell
# calls per include took 10 s). Folders of one library (kg_graph, kg_query,
# kg_nlp) see each other's private headers.
bad=$(find base graph ingest query tools -name '*.cc' -o -name '*.h' | grep -Ev '^tools/(bench|fuzz)/' | sort |
  xargs grep -Hn '^#include "[a-z_]*/' | awk -v public="$PUBLIC" '
    function folder_of(path) { sub(/\/[^\/]*$/, "", path); return path }
    function library_of(f) {
      if (f == "graph/algo" || f == "graph/export") return "graph"
      if (f == "query/cypher") return "query"
      if (f == "ingest/nlp/train") return "ingest/nlp"
      return f
    }
    BEGIN {
      n = split(public, entries, /[ \n]+/)
      for (i = 1; i <= n; i++) {
        split(entries[i], kv, ":")
        headers[kv[1]] = kv[2]
      }
    }
    {
      split($0, parts, ":")
      file = parts[1]; line = parts[2]
      header = $0; sub(/^[^"]*"/, "", header); sub(/".*$/, "", header)
      folder = folder_of(header)
      if (library_of(folder) == library_of(folder_of(file)) || !(folder in headers)) next
      name = header; sub(/^.*\//, "", name)
      if (index("," headers[folder] ",", "," name ",")) next
      list = headers[folder]; gsub(/,/, " or " folder "/", list)
      printf "layering: %s:%s: %s is private to %s (include %s/%s)\n", file, line, header, folder, folder, list
    }')
if [ -n "$bad" ]; then
  echo "$bad"
  status=1
fi
exit $status
