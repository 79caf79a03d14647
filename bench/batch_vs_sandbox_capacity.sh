#!/usr/bin/env bash
# lsr's batch send rate against the sandbox's own creation capacity at the same concurrency (8).
# The capacity comes from the sandbox's creation benchmark (`cargo bench --bench sandbox_create`,
# clients=8); the batch rate is the "placed N orders in Xs " line of a 999-TN per-TN split
# (the sending phase, after the pre-submission checks), the median of three. Issue 5 target: at
# least half.
#
#   bench/batch_vs_sandbox_capacity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f benches/sandbox_create.rs ] || { echo "needs benches/sandbox_create.rs (the sandbox creation benchmark)"; exit 1; }
# Printed, then read (not `tee /dev/stderr`: reopening stderr truncates it when it is a file).
bench_out=$(SANDBOX_BENCH_SECS=${SANDBOX_BENCH_SECS:-5} cargo bench --quiet --bench sandbox_create 2>/dev/null)
echo "$bench_out"
capacity=$(sed -n 's/.*clients= 8: *\([0-9.]*\) creations.*/\1/p' <<< "$bench_out")
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh
lsr_binary
# Three batches, each on a fresh sandbox; the median send time counts (one 999-order batch takes
# a fraction of a second, where a hiccup of the shared machine weighs).
times=()
for round in 1 2 3; do
  start_sandbox
  write_order "CAP$round"
  "$LSR" submit --split per-tn --concurrency 8 --from "$work/order.toml" --tn-file "$work/tns.txt" > /dev/null 2> "$work/lsr.err"
  # The send phase's time, from lsr's "placed 999 orders in Xs" line (to the hundredth under a
  # second, when lsr prints no rate of its own).
  secs=$(sed -n 's/.*placed 999 orders in \([0-9.]*\)s.*/\1/p' "$work/lsr.err")
  [ -n "$secs" ] || { cat "$work/lsr.err"; echo "no 'placed 999 orders' line"; exit 1; }
  times+=("$secs")
done
python3 -c "
import statistics, sys
cap = float(sys.argv[1])
times = [float(t) for t in sys.argv[2:]]
rate = 999 / statistics.median(times)
print('lsr batch send times at concurrency 8: ' + ', '.join(f'{t:.2f}s' for t in times) + ' (999 orders each)')
print(f'sandbox capacity at 8 clients: {cap:.0f}/s   lsr batch send rate at concurrency 8 (median): {rate:.0f}/s   ratio {rate/cap:.2f} (target >= 0.5)')" "$capacity" "${times[@]}"
