#!/usr/bin/env bash
# Runs every check of Rekber: the BPMN lint and all tests on real components
# (embedded Zeebe engine, PostgreSQL 17, GreenMail), as CI does.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

select_jdk
ensure_node
ensure_chromium

echo "== Lint BPMN models"
bash tools/model-lint/lint.sh

echo "== Build and test"
# Test databases live under the temp dir; start from a clean slate.
rm -rf "${TMPDIR:-/tmp}/rekber-test/run-"*
mvn -B -ntp verify "$@"
