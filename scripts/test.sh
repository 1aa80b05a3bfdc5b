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

echo "== Check compose files"
bash scripts/check-compose.sh

echo "== Build and test"
# Each test run gets its own database under the temp dir; remove those of runs that ended long ago
# (not all of them: another checkout's tests may be running right now).
mkdir -p "${TMPDIR:-/tmp}/rekber-test"
find "${TMPDIR:-/tmp}/rekber-test" -maxdepth 1 -name 'run-*' -mmin +360 -exec rm -rf {} +
mvn -B -ntp verify "$@"

echo "== Check the cluster jar"
# workers/target/rekber-workers-*.jar is what a cluster runs: no single-node infrastructure in it,
# and single-node/target/lib (added by scripts/run.sh through loader.path) repeats none of its jars.
jar="$(ls workers/target/rekber-workers-*.jar | grep -v original | head -n1)"
libs="$(jar tf "$jar" | sed -n 's#^BOOT-INF/lib/##p' | grep -v '^$')"
forbidden="$(grep -E '^(zeebe-process-test-engine|embedded-postgres|greenmail|rekber-single-node)-' <<<"$libs" || true)"
if [ -n "$forbidden" ]; then
  echo "The cluster jar $jar contains single-node infrastructure:" >&2
  echo "$forbidden" >&2
  exit 1
fi
# Compared by artifactId (file name without version). "annotations" is two different artifacts
# (com.google.android in the jar, org.jetbrains in lib), so it is let through.
artifact() { sed -E 's/-[0-9][^/]*\.jar$//' | grep -vx 'annotations' || true; }
twice="$(comm -12 <(artifact <<<"$libs" | sort -u) <(ls single-node/target/lib | artifact | sort -u))"
if [ -n "$twice" ]; then
  echo "single-node/target/lib repeats jars of $jar (exclude them in single-node/pom.xml):" >&2
  echo "$twice" >&2
  exit 1
fi
echo "OK: $(wc -l <<<"$libs") jars in $jar ($(du -h "$jar" | cut -f1)), $(ls single-node/target/lib | wc -l) in single-node/target/lib"
