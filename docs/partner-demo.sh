#!/usr/bin/env bash
# The partner API end to end against a running single-node Rekber (scripts/run.sh): the demo
# partner's token, a webhook endpoint, a deal on behalf of Sari (seller) for Budi (buyer), Budi
# accepting and paying in the sandbox, and the partner's view and delivery log. Needs curl and jq.
# Usage: docs/partner-demo.sh [webhook-url]   (default: a URL that refuses, to show retries)
set -euo pipefail
APP=${APP:-http://localhost:8080}
KC=${KC:-http://localhost:8180}
HOOK=${1:-http://localhost:9/rekber/webhook}

token() { curl -sf "$KC/realms/rekber/protocol/openid-connect/token" "$@" | jq -r .access_token; }
PARTNER=$(token -d grant_type=client_credentials -d client_id=rekber-partner-demo -d client_secret=rekber-partner-DEMO-ONLY-secret)
BUDI=$(token -d grant_type=password -d client_id=rekber-cli -d username=budi@rekber.test -d password=rekber-demo)
p() { curl -sf -H "Authorization: Bearer $PARTNER" -H 'Content-Type: application/json' "$@"; }

echo "== webhook endpoint (keep the secret to verify signatures)"
p -X PUT "$APP/api/partner/webhook" -d "{\"url\":\"$HOOK\"}" | jq .

echo "== a deal on behalf of Sari, for Budi"
DEAL=$(p -X POST "$APP/api/partner/deals" -d '{"sellerEmail":"sari@rekber.test","buyerEmail":"budi@rekber.test",
  "itemName":"Sepatu lari Ardiles","price":250000,"shippingCost":20000,"externalRef":"ORDER-7781"}')
echo "$DEAL" | jq .
ID=$(echo "$DEAL" | jq -r .id)

echo "== Budi accepts (on the buyerLink page, or by API)"
curl -sf -X POST -H "Authorization: Bearer $BUDI" "$APP/api/deals/$ID/accept" | jq -r .status
for _ in $(seq 1 30); do
  CHECKOUT=$(p "$APP/api/partner/deals/$ID" | jq -r .checkoutUrl)
  [ "$CHECKOUT" != null ] && break; sleep 1
done
echo "checkout: $CHECKOUT"

echo "== Budi pays in the sandbox"
ORDER=${CHECKOUT##*/}
curl -sf -X POST "$APP/sandbox/api/orders/$ORDER/pay" | jq .
sleep 3
p "$APP/api/partner/deals/$ID" | jq '{id, status, fee, buyerPays}'

echo "== delivery log (with an unreachable URL: PENDING with attempts and back-off)"
p "$APP/api/partner/webhook/deliveries" | jq '[.[] | select(.dealId == "'"$ID"'") | {id, eventType, status, attempts, lastStatus, nextAttemptAt}]'
echo "== another deal id is not the partner's: 404"
curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $PARTNER" "$APP/api/partner/deals/RB-NOTMINE1"
