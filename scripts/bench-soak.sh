#!/usr/bin/env bash
# Soak benchmark (docs/benchmarks.md): starts single-node Rekber with scripts/run.sh on its own ports
# and a fresh data directory, drives deals through their whole life over the HTTP API
# (workers/src/test/java/id/rekber/bench/SoakBench.java, run with the JDK's single-file launcher)
# and prints the application's RSS, heap after GC and engine log size every --step deals. Stops the
# application at the end; its log stays in the data directory printed at the start.
#
#   bash scripts/bench-soak.sh [--deals 5000] [--step 1000] [--concurrency 3] [--label name] [-- app arguments]
#
# App arguments go to the application, e.g. -- --rekber.engine-rebase.enabled=false.
# Environment: REKBER_JAVA_OPTS (JVM options of the application, as for run.sh), REKBER_SKIP_BUILD=1
# (use what was built last), BENCH_PORT (HTTP port, default 18080; the embedded servers use
# BENCH_PORT-based ports too, so the benchmark does not collide with a run.sh on the defaults).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

bench_args=()
app_args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then
    shift
    app_args=("$@")
    break
  fi
  bench_args+=("$1")
  shift
done

select_jdk
if [ "${REKBER_SKIP_BUILD:-0}" != 1 ]; then
  ensure_node
  echo "== Build"
  mvn -B -ntp -q -DskipTests package
fi

port="${BENCH_PORT:-18080}"
keycloak_port=$((port + 100))
data="$(mktemp -d "${TMPDIR:-/tmp}/rekber-soak.XXXXXX")"
echo "== Starting Rekber on port $port (data and log in $data)"
REKBER_SKIP_BUILD=1 bash scripts/run.sh \
  --server.port="$port" \
  --rekber.single-node.data-dir="$data" \
  --rekber.single-node.postgres-port=$((port + 37249)) \
  --rekber.single-node.engine-port=$((port + 8520)) \
  --rekber.single-node.smtp-port=$((port - 14955)) \
  --rekber.single-node.keycloak-port="$keycloak_port" \
  --rekber.payment.sandbox-payout-delay=PT0.2S \
  "${app_args[@]}" >"$data/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true' EXIT

for _ in $(seq 1 240); do
  if grep -q "Started RekberApplication" "$data/app.log"; then
    break
  fi
  if ! kill -0 "$app" 2>/dev/null || grep -q "Application run failed" "$data/app.log"; then
    echo "Rekber did not start; see $data/app.log" >&2
    exit 1
  fi
  sleep 5
done
grep -m1 "Started RekberApplication" "$data/app.log"

java workers/src/test/java/id/rekber/bench/SoakBench.java \
  --base-url "http://127.0.0.1:$port" --keycloak-url "http://127.0.0.1:$keycloak_port" --pid "$app" \
  "${bench_args[@]}"
grep -E "Engine rebase|Replaced the embedded engine" "$data/app.log" | sed 's/^/# /' || true
