#!/usr/bin/env bash
# Writes .env for docker-compose.yml with a fresh random value for every secret .env.example lists
# (and sandbox as the demo payment provider). Refuses to overwrite an existing .env, whose keys
# would otherwise no longer decrypt the stored personal data; pass --force to replace it anyway.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -e .env ] && [ "${1:-}" != "--force" ]; then
  echo ".env exists; keep it (its keys encrypt stored data) or run: scripts/new-env.sh --force" >&2
  exit 1
fi

# URL-safe random text, for passwords and client secrets.
secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
# 32 random bytes in standard base64: an AES-256 / HMAC key.
key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }

umask 077
{
  echo "# Written by scripts/new-env.sh on $(date -u +%Y-%m-%dT%H:%MZ). Keep it secret; never commit it."
  while IFS= read -r line; do
    case "$line" in
      REKBER_PAYMENT_PROVIDER=*) echo "$line" ;;
      REKBER_PDP_ACTIVE_KEY_ID=*) echo "REKBER_PDP_ACTIVE_KEY_ID=cluster-$(date -u +%Y%m%d)" ;;
      REKBER_PDP_ACTIVE_KEY=* | REKBER_PDP_INDEX_KEY=*) echo "${line%%=*}=$(key)" ;;
      [A-Z]*=*) echo "${line%%=*}=$(secret)" ;;
    esac
  done < .env.example
} > .env
echo "Wrote .env ($(grep -c '=' .env) settings) with random secrets."
