#!/usr/bin/env bash
# `lsr status ORDER` end to end (token cached) against `curl` fetching the same order, side by
# side in one hyperfine run against a release-built sandbox. Issue 4 target: within 1.5x of curl.
#
#   bench/status_vs_curl.sh            # builds release, prints hyperfine's table and the ratio
#   LSR=/path/to/lsr bench/status_vs_curl.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
if [ -z "${LSR:-}" ]; then
  cargo build --release --quiet
  LSR="${CARGO_TARGET_DIR:-$PWD/target}/release/lsr"
fi
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

"$LSR" sandbox serve --listen 127.0.0.1:0 --processing-delay 0 --data "$work/sandbox" > "$work/serve.out" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)

export LSR_CONFIG_DIR="$work/config" LSR_BASE_URL="$url/api/v1" LSR_ACCOUNT_ID=9900001
export LSR_CLIENT_ID=demo-client-1 LSR_CLIENT_SECRET=demo-secret-1 NO_COLOR=1
"$LSR" submit --pon BENCH-1 --auth-person "Jane Doe" --subscriber-type business \
  --business-name Acme --house-number 1 --street Main --city Raleigh --state NC --zip 27601 \
  --tn 919-720-6100 --foc +5bd --json > "$work/submit.json"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["orders"][0]["order_id"])' "$work/submit.json")
"$LSR" status "$id" > /dev/null   # the token is now cached (0600 file under LSR_CONFIG_DIR)
token=$(curl -s -u demo-client-1:demo-secret-1 -d grant_type=client_credentials "$url/api/v1/oauth2/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

hyperfine -N --warmup 10 --runs 200 --export-json "$work/hf.json" \
  "$LSR status $id" \
  "curl -s -H 'Accept: application/xml' -H 'Authorization: Bearer $token' $url/api/v1/accounts/9900001/lsrorders/$id"
python3 - "$work/hf.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
lsr, curl = r[0]["mean"], r[1]["mean"]
print(f"lsr status: {lsr*1000:.2f} ms   curl: {curl*1000:.2f} ms   ratio lsr/curl = {lsr/curl:.2f} (target <= 1.5)")
PY
