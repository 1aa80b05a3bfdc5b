#!/usr/bin/env bash
# Builds the browser bundles into the directory given (Maven: target/classes/static/assets).
# Installs the pinned npm packages first when package-lock.json changed or node_modules is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out="${1:?usage: build.sh <output dir>}"
if ! command -v node >/dev/null 2>&1; then
  echo "frontend: Node.js is needed to build the UI bundle (scripts/test.sh and scripts/run.sh install it)." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "frontend: installing pinned packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs "$out"
