# shellcheck shell=sh
# Where kg's scripts keep Kuzu, the Cypher oracle of issue 24 (the npm
# package kuzu): one copy per user and version, outside every checkout and
# build directory, so that `make test`, `make conformance` and `make bench`
# install it once and share it. A POSIX sh file, sourced (not run) by
# tools/bootstrap.sh and the conformance and bench scripts; KG_KUZU_DIR
# overrides the place.
KUZU_VERSION=0.11.3
KUZU_DIR=${KG_KUZU_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/kg/kuzu-$KUZU_VERSION}
KUZU_NODE_PATH=$KUZU_DIR/node_modules

# Installs kuzu into KUZU_DIR unless it is there already. npm works in a
# private staging folder that is renamed into place at the end, so that
# KUZU_DIR holds a whole install or nothing, even when two checkouts
# bootstrap at once. Returns non-zero (npm's message on stderr) on failure.
kuzu_install() {
  [ -d "$KUZU_NODE_PATH/kuzu" ] && return 0
  command -v npm >/dev/null 2>&1 || { echo "kuzu: npm is not installed" >&2; return 1; }
  kuzu_staging="$KUZU_DIR.staging.$$"
  rm -rf "$kuzu_staging"
  mkdir -p "$kuzu_staging" || return 1
  if ! (cd "$kuzu_staging" && npm install --no-save --no-audit --no-fund --loglevel=error "kuzu@$KUZU_VERSION" >/dev/null); then
    echo "kuzu: npm install kuzu@$KUZU_VERSION failed" >&2
    rm -rf "$kuzu_staging"
    return 1
  fi
  # A rename onto an absent or empty folder succeeds; onto another process's
  # finished install it fails, and that install is as good as this one.
  mv -T "$kuzu_staging" "$KUZU_DIR" 2>/dev/null || [ -d "$KUZU_NODE_PATH/kuzu" ] || {
    rm -rf "$KUZU_DIR" && mv -T "$kuzu_staging" "$KUZU_DIR"
  }
  rm -rf "$kuzu_staging"
  [ -d "$KUZU_NODE_PATH/kuzu" ]
}
