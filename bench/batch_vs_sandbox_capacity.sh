#!/usr/bin/env bash
# lsr's batch send rate against the sandbox's own creation capacity at the same concurrency (8).
# The capacity comes from the sandbox's creation benchmark (`cargo bench --bench sandbox_create`,
# clients=8); the batch rate is the "placed N orders in Xs (R/s)" line of a 999-TN per-TN split
# (the sending phase, after the pre-submission checks). Issue 5 target: at least half.
#
#   bench/batch_vs_sandbox_capacity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f benches/sandbox_create.rs ] || { echo "needs benches/sandbox_create.rs (the sandbox creation benchmark)"; exit 1; }
# Printed, then read (not `tee /dev/stderr`: reopening stderr truncates it when it is a file).
bench_out=$(SANDBOX_BENCH_SECS=${SANDBOX_BENCH_SECS:-5} cargo bench --quiet --bench sandbox_create 2>/dev/null)
echo "$bench_out"
capacity=$(sed -n 's/.*clients= 8: *\([0-9.]*\) creations.*/\1/p' <<< "$bench_out")
if [ -z "${LSR:-}" ]; then
  cargo build --release --quiet
  LSR="${CARGO_TARGET_DIR:-$PWD/target}/release/lsr"
fi
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
"$LSR" sandbox serve --listen 127.0.0.1:0 --processing-delay 0 --data "$work/sandbox" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)
export LSR_CONFIG_DIR="$work/config" LSR_BASE_URL="$url/api/v1" LSR_ACCOUNT_ID=9900001
export LSR_CLIENT_ID=demo-client-1 LSR_CLIENT_SECRET=demo-secret-1 NO_COLOR=1
python3 -c 'for i in range(999): print("919720%04d" % i)' > "$work/tns.txt"
"$LSR" submit --split per-tn --concurrency 8 --pon CAP --auth-person "Jane Doe" --subscriber-type business \
  --business-name Acme --house-number 1 --street Main --city Raleigh --state NC --zip 27601 \
  --foc +5bd --tn-file "$work/tns.txt" > /dev/null 2> "$work/lsr.err"
# The send phase's time, from lsr's "placed 999 orders in Xs" line (to the hundredth under a
# second, when lsr prints no rate of its own).
secs=$(sed -n 's/.*placed 999 orders in \([0-9.]*\)s.*/\1/p' "$work/lsr.err")
[ -n "$secs" ] || { cat "$work/lsr.err"; echo "no 'placed 999 orders' line"; exit 1; }
python3 -c "
cap, rate = float('$capacity'), 999 / float('$secs')
print(f'sandbox capacity at 8 clients: {cap:.0f}/s   lsr batch send rate at concurrency 8: {rate:.0f}/s   ratio {rate/cap:.2f} (target >= 0.5)')"
