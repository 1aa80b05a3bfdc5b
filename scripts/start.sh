#!/usr/bin/env bash
# Starts the already built Rekber on its embedded defaults (scripts/run.sh builds first, then
# comes here). Extra arguments are Spring Boot arguments, e.g. --server.port=8081.
# The workers jar is the cluster jar; the single-node infrastructure (module single-node/) is added
# beside it through Spring Boot's PropertiesLauncher: -Dloader.path=single-node/target/lib/.
# The fault suite (CrashRecoveryTest) starts and restarts Rekber with this very script.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

if [ -z "${REKBER_JAVA:-}" ]; then
  select_jdk
fi
jar="$(ls workers/target/rekber-workers-*.jar | grep -v original | head -n1)"
exec "${REKBER_JAVA:-java}" ${REKBER_JAVA_OPTS:-} -Dloader.path="$REPO_DIR/single-node/target/lib/" -jar "$jar" \
  --rekber.models.location="file:$REPO_DIR/" "$@"
