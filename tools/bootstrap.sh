#!/usr/bin/env bash
# Installs the Debian packages kg needs to build, test and run, and nothing
# else. Quiet and fast (a dpkg query) when everything is already present;
# runs `apt-get update` only when something is missing.
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

# `make fuzz` also needs clang and its libFuzzer runtime.
if [[ "${1:-}" == "fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

# `make conformance` and `make bench` drive Kuzu (the npm package kuzu) from Node.
if [[ "${1:-}" == "conformance" ]]; then
  packages+=(nodejs)
  # NodeSource's nodejs package carries npm itself; Debian's ships it apart.
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "bootstrap: installing missing packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: error: apt-get not found; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "bootstrap: error: not root and no password-less sudo; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null || { echo "bootstrap: error: apt-get update failed" >&2; exit 1; }
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { echo "bootstrap: error: apt-get install failed for: ${missing[*]}" >&2; exit 1; }
echo "bootstrap: done"
