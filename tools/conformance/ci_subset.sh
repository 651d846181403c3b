#!/bin/sh
# ctest's CypherConformanceSubset: the `ci: true` entries of suite.js on the
# examples store (about 3 s). Exit 77 (skipped) when node or the npm package
# kuzu is absent; `make conformance` installs kuzu into BUILD/conformance.
#   tools/conformance/ci_subset.sh KG BUILD_DIR
KG=$1
BUILD=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v node >/dev/null 2>&1 || { echo "skipped: node is not installed (tools/bootstrap.sh conformance)"; exit 77; }
export NODE_PATH="$BUILD/conformance/node_modules${NODE_PATH:+:$NODE_PATH}"
node -e 'require("kuzu")' 2>/dev/null || { echo "skipped: the npm package kuzu is absent (make conformance installs it)"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$KG" --db "$WORK/kg.db" ingest "$ROOT/examples" >/dev/null || exit 2
node "$ROOT/tools/conformance/conformance.js" --kg "$KG" --db "$WORK/kg.db" --work "$WORK/run" --name examples --ci
