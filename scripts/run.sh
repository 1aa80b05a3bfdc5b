#!/usr/bin/env bash
# Starts Rekber on its embedded defaults: in-process Zeebe engine, PostgreSQL 17 (data in ./data),
# SMTP server (mails visible at /api/dev/mails), Keycloak. Models are read from processes/ and forms/, so a
# restart picks up what analysts changed. Stop with Ctrl+C.
# After the build it runs scripts/start.sh, which the fault suite also uses to start and restart it.
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
echo "== Start Rekber on http://localhost:${PORT:-8080}"
REKBER_JAVA="$(command -v java)" REKBER_JAVA_OPTS="${REKBER_JAVA_OPTS:--Xmx1g}" exec bash scripts/start.sh "$@"
