#!/usr/bin/env bash
# Every figure of BENCHMARKS.md, side by side in one run, on one release build: the machine, then
# validation (criterion), startup, `status` vs curl, batch vs a curl loop and vs the sandbox's
# capacity, adaptive concurrency under latency and a rate limit, local search at 1M TNs, the
# sandbox at scale (searches, creations and the pre-check at 0 to 100,000 orders, against the
# build before issue 16), and memory (planning a 100,000-TN split; the sandbox under load).
# Everything each step prints goes to one results file; its summary (the figures, each against
# its reference as a ratio) is printed at the end and appended to the same file.
#
#   bench/run.sh                          # results in bench/last-run.txt
#   RESULTS=/tmp/r.txt LOAD_SECS=60 ROUNDS=3 bench/run.sh
#   SCALE_BEFORE=fc4b841 bench/run.sh    # the reference of the sandbox-at-scale step
#
# The machine is shared (2 cores): figures are measured as ratios against a reference run side
# by side in the same step (curl, `true`, the sandbox's own capacity), so that background load
# moves both sides; the load average at the start and end is recorded with them.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never NO_COLOR=1
RESULTS=${RESULTS:-bench/last-run.txt}
LOAD_SECS=${LOAD_SECS:-60}
export ROUNDS=${ROUNDS:-3}
# The sandbox-at-scale step's reference: main before issue 16 (every search scanned the store).
SCALE_BEFORE=${SCALE_BEFORE:-fc4b841}
target="${CARGO_TARGET_DIR:-$PWD/target}"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

: > "$RESULTS"
summary=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$summary"' EXIT
# (Step functions end failing commands with `|| return`: errexit does not apply inside `cmd || …`.)
# Appends a step's whole output to the results file; the lines matching PATTERN (its figures)
# also go to the summary.
step() { # TITLE PATTERN COMMAND...
  local title=$1 pattern=$2
  shift 2
  echo "== $title" | tee -a "$RESULTS"
  local started=$SECONDS
  "$@" > "$work/step.out" 2>&1 || { cat "$work/step.out"; echo "step failed: $title"; exit 1; }
  cat "$work/step.out" >> "$RESULTS"
  { echo "## $title"; grep -E "$pattern" "$work/step.out" || true; echo; } >> "$summary"
  echo "   ($((SECONDS - started))s)" | tee -a "$RESULTS"
}

{
  echo "# lsr benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Cargo.toml Cargo.lock src benches tests 'bench/*.sh' || echo ' (with uncommitted changes)')"
  echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), kernel $(uname -r)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "toolchain: $(rustc --version); $(hyperfine --version); $(curl --version | head -1 | cut -d' ' -f1-2)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RESULTS" > "$work/machine"
cat "$work/machine" >> "$summary"
echo >> "$summary"

echo "== release build (lsr, the benches, the release test binary)" | tee -a "$RESULTS"
cargo build --release --locked --quiet --bin lsr
cargo bench --locked --quiet --no-run 2>> "$RESULTS"
cargo test --release --locked --quiet --test cli --no-run 2>> "$RESULTS"
# A copy: the target dir may be shared, and another build could replace target/release/lsr.
cp "$target/release/lsr" "$work/lsr"
export LSR="$work/lsr"

# Criterion's `--output-format bencher` prints one `test NAME ... bench: N ns/iter` line each.
criterion_ratios() { # TARGET-NS LABEL
  python3 -c '
import re, sys
limit, label = float(sys.argv[1]), sys.argv[2]
for line in sys.stdin:
    m = re.match(r"test (.+?) \.\.\. bench:\s+([\d,]+) ns/iter", line)
    if m:
        ns = float(m.group(2).replace(",", ""))
        print(f"{m.group(1)}: {ns/1e6:.3f} ms  ({ns/limit:.3f} of {label})")
' "$@"
}

validate_bench() {
  cargo bench --locked --quiet --bench validate -- --output-format bencher | tee "$work/validate.txt" || return
  criterion_ratios 1e6 "the 1 ms target" < "$work/validate.txt"
}
step "validation (criterion, benches/validate.rs; issue 2 target: a 999-TN order under 1 ms)" \
  'target\)' validate_bench

startup_bench() {
  export LSR_CONFIG_DIR="$work/startup-config"
  hyperfine -N --warmup 20 --runs 300 --export-json "$work/startup.json" \
    "true" "curl --version" "$LSR --version" "$LSR explain 17008" || return
  python3 - "$work/startup.json" <<'PY'
import json, sys
# Medians: on a shared machine a few runs of each command meet a busy core.
r = {x["command"].split("/")[-1]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
true, curl = r["true"], r["curl --version"]
for name in ("lsr --version", "lsr explain 17008"):
    t = r[name]
    print(f"startup {name}: median {t*1000:.2f} ms = {t/curl:.2f}x curl --version ({curl*1000:.2f} ms), "
          f"{t/true:.1f}x true ({true*1000:.2f} ms)")
PY
}
step "startup (hyperfine; reference: curl --version and true, in the same run)" \
  '^startup ' startup_bench

step "lsr status vs curl (bench/status_vs_curl.sh; issue 4 target: within 1.5x of curl)" \
  'ratio' bench/status_vs_curl.sh

step "batch vs a sequential curl loop (bench/batch_vs_curl.sh; issue 5 target: at least 5x faster)" \
  '^median|^round' bench/batch_vs_curl.sh

step "adaptive concurrency: 999 per-TN orders at 25 ms latency vs a sequential curl loop, and under a 100/s rate limit (bench/batch_adaptive.sh; issue 16 targets: at least 10x the loop; zero failed children and at least 80% of the limit)" \
  '^median|^round|^rate limit|^load' bench/batch_adaptive.sh

step "batch vs the sandbox's capacity (bench/batch_vs_sandbox_capacity.sh with benches/sandbox_create.rs; issue 3 target: 2,000 creations/s at 8 clients; issue 5 target: at least half the capacity)" \
  'sandbox_create clients|send times|ratio' bench/batch_vs_sandbox_capacity.sh

history_bench() {
  cargo bench --locked --quiet --bench history_search -- --output-format bencher | tee "$work/history.txt" || return
  criterion_ratios 2e7 "the 20 ms target" < "$work/history.txt"
}
step "local search at 1M TNs, end to end (bench/search_local.sh; issue 4 target: under 20 ms)" \
  'target < 20 ms' bench/search_local.sh
step "local search at 1M TNs, the store alone (criterion, benches/history_search.rs)" \
  'target\)' history_bench

step "the sandbox at scale (bench/sandbox_scale.sh, against $SCALE_BEFORE side by side; issue 16 targets: at 100,000 orders TN search >= 5,000/s and creations within 10% of an empty store; creations >= 5,000/s at 8 clients)" \
  '^scale:|^orders in store|^growth|^after vs|^target:|^load average' env BEFORE="$SCALE_BEFORE" bench/sandbox_scale.sh

step "memory: planning a 100,000-TN split (bench/batch_plan_memory.sh; issue 5 target: under 100 MB)" \
  'max RSS' bench/batch_plan_memory.sh

load_test() {
  LSR_LOAD_SECS="$LOAD_SECS" cargo test --release --locked --quiet --test cli \
    sandbox_under_load -- --ignored --nocapture
}
step "memory: the sandbox under load, ${LOAD_SECS}s of 8 clients with faults on (tests/cli/load.rs)" \
  '^load: ' load_test

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$summary"
{ echo; echo "# summary"; cat "$summary"; } >> "$RESULTS"
echo
cat "$summary"
echo "(everything each step printed: $RESULTS)"
