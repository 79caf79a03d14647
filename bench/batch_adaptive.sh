#!/usr/bin/env bash
# Adaptive concurrency (issue 16 item 4), against a release-built sandbox:
#  1. 25 ms added to every request (`sandbox faults set --latency-ms 25`): a 999-TN
#     `lsr submit --split per-tn` (pre-check searches, journal, 999 POSTs; default
#     --concurrency 32, adaptive) against a sequential `curl` loop POSTing the same 999 bodies
#     (the stand-in for the Node SDK's sequential loop), each on a fresh sandbox; also lsr capped
#     at --concurrency 8 (the old fixed level) for reference. Target: lsr >= 10x the loop.
#  2. `sandbox faults set --rate-limit 100` (429 + Retry-After beyond 100 requests/s): a 999-TN
#     per-TN batch must end with zero failed children and use at least 80% of the limit (orders
#     placed per second of the send phase, from lsr's "placed N orders in Xs" line, / 100).
#
#   bench/batch_adaptive.sh            # builds release; ROUNDS=3 by default (part 1)
#   LSR=/path/to/lsr ROUNDS=1 bench/batch_adaptive.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
LATENCY_MS=${LATENCY_MS:-25}
RATE_LIMIT=${RATE_LIMIT:-100}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
. bench/lib.sh
lsr_binary
faults() { "$LSR" sandbox faults set --url "$url" "$@" > /dev/null; }
write_order ADAPT
write_bodies ADAPT

# One `lsr submit --split per-tn` of the 999 TNs on a fresh sandbox with `faults set ARGS`; sets
# `took` to the elapsed seconds; lsr's stderr is in $work/lsr.err, its JSON document in
# $work/lsr.json. (Not run in a subshell: the sandbox it starts must stay this shell's to stop.)
lsr_batch() { # CONCURRENCY FAULT-ARGS...
  local concurrency=$1
  shift
  start_sandbox
  faults "$@"
  local t0 t1
  t0=$(now)
  "$LSR" --json submit --split per-tn --concurrency "$concurrency" --from "$work/order.toml" \
    --tn-file "$work/tns.txt" > "$work/lsr.out" 2> "$work/lsr.err" \
    || { echo "lsr submit failed:" >&2; tail -5 "$work/lsr.err" >&2; exit 1; }
  t1=$(now)
  cp "$work/lsr.out" "$work/lsr.json"
  took=$(python3 -c "print($t1 - $t0)")
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
adaptive=()
fixed8=()
loop=()
for round in $(seq "$ROUNDS"); do
  lsr_batch 32 --latency-ms "$LATENCY_MS"
  adaptive+=("$took")
  level=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["batch"]["concurrency"]; print("level %(start)s to %(highest)s (final %(final)s, %(backoffs)s backoffs)" % c)' "$work/lsr.json")
  placed=$(grep -o 'placed [0-9]* orders in [^,]*' "$work/lsr.err" || true)
  lsr_batch 8 --latency-ms "$LATENCY_MS"
  fixed8+=("$took")

  # The sequential loop: the same bodies, one POST after another, same latency.
  start_sandbox
  faults --latency-ms "$LATENCY_MS"
  loop+=("$(curl_loop)")
  created=$(grep -c '^201$' "$work/codes.txt" || true)
  echo "round $round (latency ${LATENCY_MS} ms): lsr adaptive ${adaptive[-1]}s [$placed; $level], lsr --concurrency 8 ${fixed8[-1]}s, sequential curl loop ${loop[-1]}s ($created created)"
done
python3 - "${adaptive[*]}" "${fixed8[*]}" "${loop[*]}" "$LATENCY_MS" <<'PY'
import statistics, sys
a, f, l = (statistics.median(float(x) for x in s.split()) for s in sys.argv[1:4])
print(f"median at {sys.argv[4]} ms latency: lsr adaptive (max 32) {a:.2f}s, lsr --concurrency 8 {f:.2f}s, "
      f"sequential curl loop {l:.2f}s; speed-up {l/a:.1f}x the loop (target >= 10x), {f/a:.1f}x the fixed 8")
PY

# The rate limit: every child placed, none failed, and the limit used.
lsr_batch 32 --rate-limit "$RATE_LIMIT"
refused=$("$LSR" --json sandbox faults show --url "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rate_limited"])')
python3 - "$work/lsr.json" "$work/lsr.err" "$RATE_LIMIT" "$refused" "$took" <<'PY'
import json, re, sys
summary = json.load(open(sys.argv[1]))
err = open(sys.argv[2]).read()
limit, refused, total = float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
m = re.search(r"placed (\d+) orders in ([\d.]+)s", err)
placed, secs = int(m.group(1)), float(m.group(2))
rate = placed / secs
c = summary["batch"]["concurrency"]
failed = len(summary["failed"])
print(f"rate limit {limit:.0f}/s: {summary['batch']['counts']['sent']} of 999 placed, {failed} failed; send phase {placed} orders in {secs:.1f}s "
      f"= {rate:.1f}/s = {rate/limit:.2f} of the limit (target >= 0.80); whole command {total:.1f}s; "
      f"sandbox answered {refused} 429s (lsr saw {c['rate_limited']}); level {c['start']} to {c['highest']}, "
      f"lowest {c['lowest']}, final {c['final']}, {c['backoffs']} backoffs")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
