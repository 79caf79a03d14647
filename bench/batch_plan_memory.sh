#!/usr/bin/env bash
# Peak memory (max RSS) of planning a 100,000-TN per-TN split: reading and validating the TN file,
# the plan, and printing it (JSON and TSV), with nothing sent. Issue 5 target: under 100 MB.
#
#   bench/batch_plan_memory.sh        # builds release; needs /usr/bin/time (apt-get install time)
#   LSR=/path/to/lsr TNS=100000 bench/batch_plan_memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TNS=${TNS:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh
lsr_binary
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install -y time)"; exit 1; }
export LSR_CONFIG_DIR="$work/config" NO_COLOR=1
write_order BIG
# Distinct valid TNs: 1,000 lines in each of enough exchanges (N11 codes are not exchanges).
python3 - "$TNS" > "$work/big.txt" <<'PY'
import sys
n, nxx, out = int(sys.argv[1]), 200, []
while len(out) < n:
    if nxx % 100 != 11:
        out.extend(f"919{nxx}{line:04}" for line in range(min(1000, n - len(out))))
    nxx += 1
print("\n".join(out))
PY
( echo "tn"; cat "$work/big.txt" ) > "$work/big.csv"
measure() { # OUTPUT-FLAGS FILE
  local flags=$1 file=$2
  # A split dry run runs the checks a send would (it opens the backend's history), so it needs
  # a backend: the embedded sandbox, with the remote pre-check off (the plan is what is measured).
  # shellcheck disable=SC2086
  /usr/bin/time -v "$LSR" --sandbox $flags submit --split per-tn \
    --dry-run --precheck off --from "$work/order.toml" \
    --tn-file "$work/$file" > "$work/plan.out" 2> "$work/time.err" || { cat "$work/time.err"; exit 1; }
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.err")
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$work/time.err")
  echo "$TNS TNs from $file, per-tn dry run, $flags: max RSS $((rss / 1024)) MB, wall $wall, output $(du -h "$work/plan.out" | cut -f1) (target < 100 MB)"
}
measure "--json" big.txt
measure "--output tsv" big.txt
measure "--json" big.csv
