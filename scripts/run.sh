#!/usr/bin/env bash
# Starts Rekber on its embedded defaults: in-process Zeebe engine, PostgreSQL 17 (data in ./data),
# SMTP server (mails visible at /api/dev/mails), Keycloak. Models are read from processes/ and forms/, so a
# restart picks up what analysts changed. Stop with Ctrl+C.
# The workers jar is the cluster jar; the single-node infrastructure (module single-node/) is added
# beside it through Spring Boot's PropertiesLauncher: -Dloader.path=single-node/target/lib/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

select_jdk
ensure_node
echo "== Build"
mvn -B -ntp -q -DskipTests package
jar="$(ls workers/target/rekber-workers-*.jar | grep -v original | head -n1)"
echo "== Start Rekber on http://localhost:${PORT:-8080}"
exec java -Dloader.path="$REPO_DIR/single-node/target/lib/" -jar "$jar" --rekber.models.location="file:$REPO_DIR/" "$@"
