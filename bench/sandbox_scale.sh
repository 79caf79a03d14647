#!/usr/bin/env bash
# The sandbox at scale (issue 16): how a search and a creation cost grow with the store, and how
# lsr's pre-submission check grows with the batch and the store, for the build under test and,
# side by side in the same run, a reference build of an earlier commit ("before").
#
# For each build: a fresh `lsr sandbox serve --processing-delay 0`, measured empty, then filled
# to each of SIZES orders by concurrent POSTs (wrk, bench/wrk/create.lua) and measured again:
#   - `GET …/lsrorders?pon=NOPE` (a PON no order has), wrk, 8 connections, SECS seconds;
#   - `GET …/lsrorders?tn=…&status=FOC` (a TN of one FOC order: lsr's pre-check search), the same;
#   - POST creations (single-TN orders), the same (they add to the store; the next fill counts
#     them);
#   - `lsr submit --split per-tn` of each of BATCHES new TNs: the time of its pre-submission check
#     (one TN search per TN, 8 at a time: the wall time less the sending phase).
# Issue 16 targets: at 100,000 orders, TN search >= 5,000/s and creations within 10% of the
# empty store's rate; creations >= 5,000/s (8 clients).
#
#   bench/sandbox_scale.sh                      # the build under test only
#   BEFORE=fc4b841 bench/sandbox_scale.sh       # and commit fc4b841 side by side
#   SIZES="30000 60000 100000" SECS=5 BATCHES="100 999" LSR=/path/to/lsr bench/sandbox_scale.sh
#
# The reference is built from `git archive BEFORE` in BEFORE_DIR (default
# /tmp/lsr-before-COMMIT, outside the repository; reused when already built). The order counts
# are read from the store file (python3's sqlite3) between steps, never while measuring.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"30000 60000 100000"}
SECS=${SECS:-5}
BATCHES=${BATCHES:-"100 999"}
BEFORE=${BEFORE:-}

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${LSR:-}" ]; then
  cargo build --release --locked --quiet --bin lsr
  LSR="${CARGO_TARGET_DIR:-$PWD/target}/release/lsr"
fi
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cp "$LSR" "$work/lsr-after"
builds=("after:$work/lsr-after")
if [ -n "$BEFORE" ]; then
  sha=$(git rev-parse --short "$BEFORE")
  dir=${BEFORE_DIR:-/tmp/lsr-before-$sha}
  if [ ! -x "$dir/target/release/lsr" ]; then
    echo "== building the reference $sha in $dir (outside the repository)"
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$sha" | tar -x -C "$dir"
    (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --locked --quiet --bin lsr)
  fi
  cp "$dir/target/release/lsr" "$work/lsr-before"
  builds=("before:$work/lsr-before" "${builds[@]}")
fi

A="Authorization: Basic ZGVtby11c2VyLTE6ZGVtby1wYXNzd29yZC0x" # demo-user-1:demo-password-1
create_lua="$PWD/bench/wrk/create.lua"

start_server() { # BINARY DATA-DIR
  "$1" sandbox serve --listen 127.0.0.1:0 --processing-delay 0 --data "$2" > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)
  orders="$url/api/v1/accounts/9900001/lsrorders"
}

stop_server() {
  kill "$server" && wait "$server" 2>/dev/null || true
  server=
}

count_orders() { # DATA-DIR
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM orders").fetchone()[0])' "$1/sandbox.sqlite3"
}

# Requests/s of wrk (2 threads, 8 connections, SECS seconds); fails on any non-2xx answer.
rate() { # WRK-ARGS…
  wrk -t2 -c8 -d"${SECS}s" "$@" > "$work/wrk.out" 2>&1 || { cat "$work/wrk.out"; return 1; }
  if grep -q "Non-2xx" "$work/wrk.out"; then cat "$work/wrk.out"; echo "non-2xx answers"; return 1; fi
  sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$work/wrk.out" | cut -d. -f1
}

fill_to() { # DATA-DIR TARGET
  local have
  have=$(count_orders "$1")
  [ "$have" -ge "$2" ] && return 0
  # One thread, so that QUOTA ends the run; numbers above the store's count stay unique.
  QUOTA=$(($2 - have)) OFFSET=$((have + 1000)) THREADS=1 wrk -t1 -c8 -d600s -s "$create_lua" "$orders" > /dev/null
  sleep 1 # the tick processes the last orders (processing delay 0)
}

# `lsr submit --split per-tn` of N new TNs (NPA 984, not used by the fills): its pre-submission
# check searches each TN (tn + status=FOC, 8 at a time), then it sends N orders. The check's
# time is the one lsr prints ("pre-check: N TNs, … in S s", 0.01 s steps), or for a build that
# does not print it, the wall time less the sending time (N / the "placed N orders … (R/s)"
# rate); written to $work/check.out (not printed: a subshell would lose the TN counter).
batch_counter=0
precheck() { # BINARY TNS
  python3 -c 'import sys; s, n = int(sys.argv[1]), int(sys.argv[2]); [print("984%03d%04d" % (200 + (s + i) // 1000 % 700, (s + i) % 1000)) for i in range(n)]' \
    "$batch_counter" "$2" > "$work/tns.txt"
  batch_counter=$((batch_counter + $2))
  local started ended
  started=$(date +%s.%N)
  LSR_CONFIG_DIR="$work/config-$batch_counter" LSR_BASE_URL="$url/api/v1" LSR_ACCOUNT_ID=9900001 \
    LSR_CLIENT_ID=demo-client-1 LSR_CLIENT_SECRET=demo-secret-1 NO_COLOR=1 \
    "$1" submit --split per-tn --concurrency 8 --pon "CHECK-$batch_counter" --auth-person "Jane Doe" \
    --subscriber-type business --business-name Acme --house-number 1 --street Main \
    --city Raleigh --state NC --zip 27601 --foc +5bd --tn-file "$work/tns.txt" > /dev/null 2> "$work/precheck.err" \
    || { cat "$work/precheck.err" >&2; return 1; }
  ended=$(date +%s.%N)
  # lsr since the merge of main prints the check's own time ("pre-check: N TNs, … in 0.4s");
  # the reference build does not: there, the wall time less the sending time.
  local own
  own=$(sed -n "s/.*pre-check: $2 TNs, .* in \([0-9.]*\)s.*/\1/p" "$work/precheck.err")
  if [ -n "$own" ]; then
    echo "$own" > "$work/check.out"
    return 0
  fi
  local rate
  rate=$(sed -n "s/.*placed $2 orders in .*s (\([0-9]*\)\/s).*/\1/p" "$work/precheck.err")
  [ -n "$rate" ] || { cat "$work/precheck.err" >&2; echo "no placed line" >&2; return 1; }
  python3 -c "import sys; a, b, n, r = map(float, sys.argv[1:]); print(f'{b - a - n / r:.2f}')" \
    "$started" "$ended" "$2" "$rate" > "$work/check.out"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
results="$work/results.tsv"
: > "$results"
for build in "${builds[@]}"; do
  name=${build%%:*} bin=${build#*:}
  data="$work/data-$name"
  start_server "$bin" "$data"
  # The searched TN: order 5 of the first fill (FOC once processed).
  QUOTA=20 OFFSET=0 THREADS=1 wrk -t1 -c8 -d60s -s "$create_lua" "$orders" > /dev/null
  sleep 1
  tn=9192000005
  for size in 0 $SIZES; do
    fill_to "$data" "$size"
    have=$(count_orders "$data")
    pon=$(rate -H "$A" "$orders?pon=NOPE")
    tn_rate=$(rate -H "$A" "$orders?tn=$tn&status=FOC")
    checks=()
    for batch in $BATCHES; do
      precheck "$bin" "$batch"
      checks+=("$(cat "$work/check.out")")
    done
    creations=$(OFFSET=$((have + 1000)) THREADS=2 rate -s "$create_lua" "$orders")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$have" "$pon" "$tn_rate" "$creations" "${checks[*]}" | tee -a "$results"
  done
  stop_server
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$results" "$BATCHES" <<'PY'
import sys
batches = sys.argv[2].split()
def ratio(a, b):
    # A check's time is given in 0.01 s steps: one under it counts as 0.05 s.
    return max(float(a), 0.05) / max(float(b), 0.05)
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
by = {}
for name, have, pon, tn, cre, checks in rows:
    by.setdefault(name, []).append((int(have), int(pon), int(tn), int(cre), checks.split()))
print()
print("orders in store | build | pon=NOPE /s | tn+status=FOC /s | creations /s | " +
      " | ".join(f"pre-check {b} TNs (s)" for b in batches))
for name, stages in by.items():
    for have, pon, tn, cre, checks in stages:
        print(f"scale: {have:>7,} | {name:6} | {pon:>7,} | {tn:>7,} | {cre:>6,} | " + " | ".join(checks))
print()
for name, stages in by.items():
    empty = stages[0]
    for have, pon, tn, cre, checks in stages[1:]:
        print(f"growth {name:6} at {have:>7,} orders vs empty: pon {pon/empty[1]:.2f}x, tn {tn/empty[2]:.2f}x, "
              f"creations {cre/empty[3]:.2f}x, pre-check " +
              ", ".join(f"{ratio(c, e):.1f}x" for c, e in zip(checks, empty[4])))
if "before" in by and "after" in by:
    for (bh, bp, bt, bc, bk), (ah, ap, at, ac, ak) in zip(by["before"], by["after"]):
        print(f"after vs before at ~{ah:,} orders: pon {ap/bp:.1f}x, tn {at/bt:.1f}x, creations {ac/bc:.2f}x, "
              "pre-check " + ", ".join(f"{ratio(b, a):.1f}x faster" for b, a in zip(bk, ak)))
after = by.get("after")
if after:
    empty, last = after[0], after[-1]
    print(f"target: TN search at {last[0]:,} orders {last[2]:,}/s (>= 5,000/s): {'met' if last[2] >= 5000 else 'NOT met'}")
    print(f"target: creations at {last[0]:,} orders {last[3]:,}/s = {last[3]/empty[3]:.2f} of empty {empty[3]:,}/s "
          f"(>= 0.90): {'met' if last[3] >= 0.9 * empty[3] else 'NOT met'}")
    print(f"target: creations on an empty store {empty[3]:,}/s (>= 5,000/s): {'met' if empty[3] >= 5000 else 'NOT met'}")
PY
