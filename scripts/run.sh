#!/usr/bin/env bash
# Starts Rekber on its embedded defaults: in-process Zeebe engine, PostgreSQL 17 (data in ./data),
# SMTP server (mails visible at /api/dev/mails). Models are read from processes/ and forms/, so a
# restart picks up what analysts changed. Stop with Ctrl+C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

select_jdk
ensure_node
echo "== Build"
mvn -B -ntp -q -DskipTests package
jar="$(ls workers/target/rekber-workers-*.jar | grep -v original | head -n1)"
echo "== Start Rekber on http://localhost:${PORT:-8080}"
exec java -jar "$jar" --rekber.models.location="file:$REPO_DIR/" "$@"
