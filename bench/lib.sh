# Shared by the batch bench scripts (sourced, not run): the lsr build, a fresh release sandbox
# per measurement, the order file, the XML bodies and the sequential curl loop they post.
# Expects `work` (a temporary directory) to be set, and sets `server` and `url`.

# LSR, or a release build of this tree.
lsr_binary() {
  if [ -z "${LSR:-}" ]; then
    cargo build --release --quiet
    LSR="${CARGO_TARGET_DIR:-$PWD/target}/release/lsr"
  fi
}

# A fresh sandbox (the previous one stopped) with lsr's environment pointing at its demo account.
start_sandbox() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work/sandbox" "$work/config"
  "$LSR" sandbox serve --listen 127.0.0.1:0 --processing-delay 0 --data "$work/sandbox" > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  for _ in $(seq 200); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)
  [ -n "$url" ] || { echo "the sandbox did not start:"; cat "$work/serve.err"; exit 1; }
  export LSR_CONFIG_DIR="$work/config" LSR_BASE_URL="$url/api/v1" LSR_ACCOUNT_ID=9900001
  export LSR_CLIENT_ID=demo-client-1 LSR_CLIENT_SECRET=demo-secret-1 NO_COLOR=1
}

# The order file every batch bench submits (PON given), and its 999 TNs in $work/tns.txt.
write_order() { # PON
  cat > "$work/order.toml" <<TOML
pon = "$1"
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
  python3 -c 'for i in range(999): print("919720%04d" % i)' > "$work/tns.txt"
}

# The same orders as XML bodies, one per TN, in $work/bodies (PON given).
write_bodies() { # PON
  python3 - "$work/tns.txt" "$work/bodies" "$1" <<'PY'
import os, sys
tns, out, pon = open(sys.argv[1]).read().split(), sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
for i, tn in enumerate(tns, 1):
    open(f"{out}/{i:04}.xml", "w").write(
        f"<LsrOrder><CustomerOrderId>CURL-{i:04}</CustomerOrderId><Pon>{pon}-{i:04}</Pon>"
        "<RequestedFocDate>2026-12-31</RequestedFocDate><AuthorizingPerson>Jane Doe</AuthorizingPerson>"
        "<Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>Acme Widgets</BusinessName>"
        "<ServiceAddress><HouseNumber>11</HouseNumber><StreetName>Park Ave</StreetName><City>Raleigh</City>"
        "<StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress></Subscriber>"
        f"<ListOfTelephoneNumbers><TelephoneNumber>{tn}</TelephoneNumber></ListOfTelephoneNumbers></LsrOrder>")
PY
}

# Posts every body of $work/bodies one after another with curl (a token first, not timed);
# prints the seconds the loop took; the status codes go to $work/codes.txt.
curl_loop() {
  local token f t0 t1
  token=$(curl -s -u demo-client-1:demo-secret-1 -d grant_type=client_credentials "$url/api/v1/oauth2/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  t0=$(now)
  for f in "$work"/bodies/*.xml; do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/xml' \
      -H 'Accept: application/xml' -H "Authorization: Bearer $token" \
      --data-binary "@$f" "$url/api/v1/accounts/9900001/lsrorders"
  done > "$work/codes.txt"
  t1=$(now)
  python3 -c "print($t1 - $t0)"
}

now() { python3 -c 'import time; print(time.time())'; }
