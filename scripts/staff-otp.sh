#!/usr/bin/env bash
# DEMO ONLY. Prints the current one-time code of the demo staff users (admin, admin2, mediator,
# compliance, analyst), which Keycloak asks for after the password. Single-node mode seeds them with
# the public demo secret (DemoStaffOtp.SECRET); the compose stack with REKBER_DEMO_TOTP_SECRET from .env.
# Or add the secret to an authenticator app: setup key printed with --key, time based, 6 digits, 30 s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh
select_jdk >/dev/null
secret=""
if [ "${1:-}" != "--single-node" ] && [ -f .env ]; then
  secret="$(grep -E '^REKBER_DEMO_TOTP_SECRET=' .env | cut -d= -f2- || true)"
fi
java single-node/src/main/java/id/rekber/singlenode/DemoStaffOtp.java "$secret" "$@"
