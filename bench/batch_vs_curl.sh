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
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
. bench/lib.sh
lsr_binary
write_order BENCH
write_bodies BENCH

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
  curl_times+=("$(curl_loop)")
  created=$(grep -c '^201$' "$work/codes.txt" || true)
  echo "round $round: lsr ${lsr_times[-1]}s, curl loop ${curl_times[-1]}s ($created created)"
done
python3 - "${lsr_times[*]}" "${curl_times[*]}" <<'PY'
import statistics, sys
lsr = statistics.median(float(x) for x in sys.argv[1].split())
curl = statistics.median(float(x) for x in sys.argv[2].split())
print(f"median: lsr submit --split per-tn (999 orders) {lsr:.2f}s   sequential curl loop {curl:.2f}s   speed-up {curl/lsr:.1f}x (target >= 5x)")
PY
