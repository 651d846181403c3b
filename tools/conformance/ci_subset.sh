#!/bin/sh
# ctest's CypherConformanceSubset: the `ci: true` entries of suite.js on the
# examples store (a few seconds); fails unless at least 30 of them agree with
# Kuzu. Exit 77 (skipped) when node or the npm package kuzu is absent;
# `tools/bootstrap.sh test` (run by `make test`) installs both.
#   tools/conformance/ci_subset.sh KG
KG=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tools/conformance/kuzu.sh"
command -v node >/dev/null 2>&1 || { echo "skipped: node is not installed (tools/bootstrap.sh test installs it)"; exit 77; }
export NODE_PATH="$KUZU_NODE_PATH${NODE_PATH:+:$NODE_PATH}"
node -e 'require("kuzu")' 2>/dev/null || { echo "skipped: the npm package kuzu is absent from $KUZU_DIR (tools/bootstrap.sh test installs it)"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$KG" --db "$WORK/kg.db" ingest "$ROOT/examples" >/dev/null || exit 2
node "$ROOT/tools/conformance/conformance.js" --kg "$KG" --db "$WORK/kg.db" --work "$WORK/run" --name examples --ci --min-agree 30
