#!/usr/bin/env bash
# A 999-TN port split per TN (`lsr submit --split per-tn`, concurrency 8: pre-submission checks,
# journal, 999 POSTs) against a plain sequential `curl` loop POSTing the same 999 bodies, both
# against a release-built sandbox with no processing delay. Issue 5 target: lsr >= 5x faster.
#
#   bench/batch_vs_curl.sh            # builds release; ROUNDS=3 by default
#   LSR=/path/to/lsr bench/batch_vs_curl.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
if [ -z "${LSR:-}" ]; then
  cargo build --release --quiet
  LSR="${CARGO_TARGET_DIR:-$PWD/target}/release/lsr"
fi
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

start_sandbox() {
  [ -n "$server" ] && kill $server 2>/dev/null && wait $server 2>/dev/null || true
  rm -rf "$work/sandbox" "$work/config"
  "$LSR" sandbox serve --listen 127.0.0.1:0 --processing-delay 0 --data "$work/sandbox" > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  for _ in $(seq 200); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)
  [ -n "$url" ] || { echo "the sandbox did not start:"; cat "$work/serve.err"; exit 1; }
  export LSR_CONFIG_DIR="$work/config" LSR_BASE_URL="$url/api/v1" LSR_ACCOUNT_ID=9900001
  export LSR_CLIENT_ID=demo-client-1 LSR_CLIENT_SECRET=demo-secret-1 NO_COLOR=1
}

cat > "$work/order.toml" <<'TOML'
pon = "BENCH"
requested_foc_date = "+5bd"
authorizing_person = "Jane Doe"
[subscriber]
type = "business"
business_name = "Acme Widgets"
[subscriber.address]
house_number = "11"
street = "Park Ave"
city = "Raleigh"
state = "NC"
zip = "27601"
TOML
# 999 TNs on plain FOC lines.
python3 -c 'for i in range(999): print("919720%04d" % i)' > "$work/tns.txt"

now() { python3 -c 'import time; print(time.time())'; }

lsr_times=()
curl_times=()
for round in $(seq "$ROUNDS"); do
  # lsr: a fresh sandbox each round (the same TNs would meet their own pending FOCs, 17008).
  start_sandbox
  t0=$(now)
  "$LSR" submit --split per-tn --concurrency 8 --from "$work/order.toml" --tn-file "$work/tns.txt" > /dev/null 2> "$work/lsr.err" \
    || { echo "lsr submit failed:"; cat "$work/lsr.err"; exit 1; }
  t1=$(now)
  lsr_times+=("$(python3 -c "print($t1 - $t0)")")
  grep -o 'placed .*' "$work/lsr.err" || true

  # curl: the same bodies, one POST after another, on a fresh sandbox.
  start_sandbox
  token=$(curl -s -u demo-client-1:demo-secret-1 -d grant_type=client_credentials "$url/api/v1/oauth2/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  mkdir -p "$work/bodies"
  python3 - "$work/tns.txt" "$work/bodies" <<'PY'
import sys
tns = open(sys.argv[1]).read().split()
for i, tn in enumerate(tns, 1):
    open(f"{sys.argv[2]}/{i:04}.xml", "w").write(
        f"<LsrOrder><CustomerOrderId>CURL-{i:04}</CustomerOrderId><Pon>BENCH-{i:04}</Pon>"
        "<RequestedFocDate>2026-12-31</RequestedFocDate><AuthorizingPerson>Jane Doe</AuthorizingPerson>"
        "<Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>Acme Widgets</BusinessName>"
        "<ServiceAddress><HouseNumber>11</HouseNumber><StreetName>Park Ave</StreetName><City>Raleigh</City>"
        "<StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress></Subscriber>"
        f"<ListOfTelephoneNumbers><TelephoneNumber>{tn}</TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>")
PY
  t0=$(now)
  for f in "$work"/bodies/*.xml; do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/xml' \
      -H 'Accept: application/xml' -H "Authorization: Bearer $token" \
      --data-binary "@$f" "$url/api/v1/accounts/9900001/lsrorders"
  done > "$work/codes.txt"
  t1=$(now)
  curl_times+=("$(python3 -c "print($t1 - $t0)")")
  created=$(grep -c '^201$' "$work/codes.txt" || true)
  echo "round $round: lsr ${lsr_times[-1]}s, curl loop ${curl_times[-1]}s ($created created)"
done
python3 - "${lsr_times[*]}" "${curl_times[*]}" <<'PY'
import statistics, sys
lsr = statistics.median(float(x) for x in sys.argv[1].split())
curl = statistics.median(float(x) for x in sys.argv[2].split())
print(f"median: lsr submit --split per-tn (999 orders) {lsr:.2f}s   sequential curl loop {curl:.2f}s   speed-up {curl/lsr:.1f}x (target >= 5x)")
PY
