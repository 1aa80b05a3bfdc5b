#!/usr/bin/env bash
# Starts Rekber on its embedded defaults: in-process Zeebe engine, PostgreSQL 17 (data in ./data),
# SMTP server (mails visible at /api/dev/mails), Keycloak. Models are read from processes/ and forms/, so a
# restart picks up what analysts changed. Stop with Ctrl+C.
# The workers jar is the cluster jar; the single-node infrastructure (module single-node/) is added
# beside it through Spring Boot's PropertiesLauncher: -Dloader.path=single-node/target/lib/.
# REKBER_JAVA_OPTS: JVM options, default -Xmx1g: the heap the application needs with the engine
# rebase on its defaults, with room to spare (docs/benchmarks.md); without a limit the JVM grows
# its heap towards a quarter of the machine's memory before it collects hard. Set it to a space
# for the JVM's own default. REKBER_SKIP_BUILD=1: start what was built last.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

select_jdk
ensure_node
if [ "${REKBER_SKIP_BUILD:-0}" != 1 ]; then
  echo "== Build"
  mvn -B -ntp -q -DskipTests package
fi
jar="$(ls workers/target/rekber-workers-*.jar | grep -v original | head -n1)"
echo "== Start Rekber on http://localhost:${PORT:-8080}"
# shellcheck disable=SC2086 # options are words
exec java ${REKBER_JAVA_OPTS:--Xmx1g} -Dloader.path="$REPO_DIR/single-node/target/lib/" -jar "$jar" --rekber.models.location="file:$REPO_DIR/" "$@"
