#!/usr/bin/env bash
# Lints every BPMN model in processes/ with bpmnlint, using processes/.bpmnlintrc
# (bpmnlint:recommended + camunda-compat/camunda-cloud-8-8).
# Exits non-zero if any model has a lint error (or if there is no model at all).
set -euo pipefail

TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$TOOL_DIR/../.." && pwd)"
PROCESS_DIR="$REPO_DIR/processes"
CONFIG="$PROCESS_DIR/.bpmnlintrc"

cd "$TOOL_DIR"

if [ ! -d node_modules/bpmnlint ] || [ ! -d node_modules/bpmnlint-plugin-camunda-compat ]; then
  echo "model-lint: installing pinned lint tools (npm ci)"
  npm ci --no-audit --no-fund
fi

shopt -s nullglob
models=("$PROCESS_DIR"/*.bpmn)
if [ "${#models[@]}" -eq 0 ]; then
  echo "model-lint: no BPMN models found in $PROCESS_DIR" >&2
  exit 1
fi

status=0
for model in "${models[@]}"; do
  echo "model-lint: ${model#"$REPO_DIR"/}"
  if ! ./node_modules/.bin/bpmnlint --config "$CONFIG" "$model"; then
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "model-lint: ${#models[@]} model(s) passed"
else
  echo "model-lint: lint errors found" >&2
fi
exit "$status"
