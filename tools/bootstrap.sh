#!/usr/bin/env bash
# Installs the Debian packages kg needs to build, test and run, and nothing
# else; with `test` or `conformance`, also Node and the npm package kuzu.
# Quiet and fast (a dpkg query) when everything is already present; runs
# `apt-get update` only when something is missing.
#   tools/bootstrap.sh [fuzz|test|conformance]
set -euo pipefail

packages=(
  g++ cmake ninja-build make
  librocksdb-dev libboost-graph-dev libfmt-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libcli11-dev libedit-dev nlohmann-json3-dev
  libgumbo-dev libcmark-dev
  libuchardet-dev
  graphviz wordnet-base python3
  raptor2-utils python3-networkx
)

mode=${1:-}
# `make fuzz` also needs clang and its libFuzzer runtime.
if [[ "$mode" == "fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

# Kuzu (the npm package kuzu) from Node: `make conformance` and `make bench`
# need it; `make test` runs a subset of the conformance suite with it
# (ctest CypherConformanceSubset) and skips that test when Kuzu cannot be had.
node_packages=()
if [[ "$mode" == "conformance" || "$mode" == "test" ]]; then
  node_packages+=(nodejs)
  # NodeSource's nodejs package carries npm itself; Debian's ships it apart.
  command -v npm >/dev/null 2>&1 || node_packages+=(npm)
fi

# Installs with apt-get those of the given Debian packages that are missing;
# quiet when none is. Returns 1, saying why, when they cannot be installed.
install_missing() {
  local missing=() p status
  for p in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  echo "bootstrap: installing missing packages: ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: error: apt-get not found; install these packages by hand: ${missing[*]}" >&2
    return 1
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "bootstrap: error: not root and no password-less sudo; run as root: apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null || { echo "bootstrap: error: apt-get update failed" >&2; return 1; }
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "bootstrap: error: apt-get install failed for: ${missing[*]}" >&2; return 1; }
  echo "bootstrap: done"
}

# Node and Kuzu; the npm install runs once per user (tools/conformance/kuzu.sh).
install_kuzu() {
  install_missing "${node_packages[@]}" || return 1
  # shellcheck source=conformance/kuzu.sh
  . "$(dirname "$0")/conformance/kuzu.sh"
  [[ -d "$KUZU_NODE_PATH/kuzu" ]] && return 0
  echo "bootstrap: installing the npm package kuzu@$KUZU_VERSION into $KUZU_DIR"
  kuzu_install
}

install_missing "${packages[@]}" || exit 1
case "$mode" in
  conformance) install_kuzu || exit 1 ;;
  # Without Kuzu `make test` still runs; only its conformance subset skips.
  test) install_kuzu || echo "bootstrap: warning: no Kuzu, so ctest CypherConformanceSubset will skip" >&2 ;;
esac
