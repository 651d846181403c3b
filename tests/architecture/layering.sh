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
exit $status
