#!/usr/bin/env bash
# Checks docker-compose.yml and docker-compose.cpt.yml without a Docker engine: Debian's
# docker-compose parses, interpolates and validates them (`config -q`) with the example values of
# .env.example, and fails on a missing ${VAR:?} as `docker compose up` would. The JSON-schema and
# structural checks are ComposeFileTest (workers, `mvn test`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_DIR"

ensure_docker_compose

env_file="$(mktemp)"
no_env="$(mktemp)"
trap 'rm -f "$env_file" "$no_env"' EXIT
cp .env.example "$env_file"

for file in docker-compose.yml docker-compose.cpt.yml; do
  # Only the example values: whatever the shell or a local .env holds must not hide a missing one.
  env -i PATH="$PATH" HOME="${HOME:-/tmp}" docker-compose --env-file "$env_file" -f "$file" config -q
  echo "OK: $file"
done

# Without the values, `up` would refuse to start: every secret is required, none has a default.
if refusal="$(env -i PATH="$PATH" HOME="${HOME:-/tmp}" docker-compose --env-file "$no_env" -f docker-compose.yml config -q 2>&1)"; then
  echo "docker-compose.yml starts without .env: some secret has a default" >&2
  exit 1
fi
if ! grep -q 'in .env' <<<"$refusal"; then
  echo "docker-compose.yml without .env failed for another reason than a missing secret:" >&2
  echo "$refusal" >&2
  exit 1
fi
echo "OK: docker-compose.yml refuses to start without .env"
