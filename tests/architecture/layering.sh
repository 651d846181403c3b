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
# Folders of one library, which see each other's private headers.
library_of() {
  case $1 in
    graph/algo | graph/export | graph) echo kg_graph ;;
    query/cypher | query) echo kg_query ;;
    ingest/nlp/train | ingest/nlp) echo kg_nlp ;;
    *) echo "$1" ;;
  esac
}
public_headers_of() {
  for entry in $PUBLIC; do
    [ "${entry%%:*}" = "$1" ] && echo "${entry#*:}" | tr ',' ' ' && return 0
  done
  return 1
}
for file in $(find base graph ingest query tools -name '*.cc' -o -name '*.h' | grep -Ev '^tools/(bench|fuzz)/' | sort); do
  from=$(library_of "$(dirname "$file")")
  grep -n '^#include "[a-z_]*/' "$file" | while IFS= read -r hit; do
    header=$(echo "$hit" | sed 's/^[0-9]*:#include "\([^"]*\)".*/\1/')
    folder=$(dirname "$header")
    [ "$(library_of "$folder")" = "$from" ] && continue
    public=$(public_headers_of "$folder") || continue
    case " $public " in *" $(basename "$header") "*) continue ;; esac
    echo "layering: $file:${hit%%:*}: $header is private to $folder (include $folder/$public)"
  done
done > /tmp/layering.$$
if [ -s /tmp/layering.$$ ]; then
  cat /tmp/layering.$$
  status=1
fi
rm -f /tmp/layering.$$
exit $status
