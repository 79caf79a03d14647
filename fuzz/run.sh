#!/usr/bin/env bash
# Builds every fuzz target and runs each for SECONDS (default 10) from its committed seeds
# (fuzz/seeds/<target>) plus the local corpus (fuzz/corpus/<target>, ignored by git, grows
# between local runs). Fails when any target finds a crash; the input is left in
# fuzz/artifacts/<target>/ (reproduce: fuzz/run.sh --repro TARGET FILE).
#
#   fuzz/run.sh            # CI budget: 10 s a target
#   fuzz/run.sh 600        # a longer local hunt
#   fuzz/run.sh 60 wire_decode tn_parse   # only some targets
#
# cargo-fuzz needs nightly-only rustc flags; this machine has only a stable toolchain, so they
# are unlocked with RUSTC_BOOTSTRAP=1. LSR_FUZZ_SANITIZER picks the sanitizer (default
# `address`; `none` builds faster and runs about twice as fast, and lsr itself has no unsafe code).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# A shared CARGO_TARGET_DIR would mix instrumented and plain builds of the main crate.
unset CARGO_TARGET_DIR
sanitizer=${LSR_FUZZ_SANITIZER:-address}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz (into ~/.cargo/bin)"
  cargo install cargo-fuzz --locked
fi

if [ "${1:-}" = "--repro" ]; then
  [ $# -eq 3 ] || { echo "usage: fuzz/run.sh --repro TARGET FILE" >&2; exit 2; }
  exec cargo fuzz run --sanitizer "$sanitizer" "$2" "$3"
fi

seconds=${1:-10}
case $seconds in '' | *[!0-9]*) echo "usage: fuzz/run.sh [SECONDS] [TARGET...]" >&2; exit 2 ;; esac
shift $(( $# > 0 ? 1 : 0 ))
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo fuzz list); fi

echo "== cargo fuzz build (sanitizer: $sanitizer)"
cargo fuzz build --sanitizer "$sanitizer"

failed=()
for target in "${targets[@]}"; do
  [ -d "seeds/$target" ] || { echo "fuzz target $target has no seeds/$target" >&2; exit 2; }
  mkdir -p "corpus/$target"
  echo "== fuzz $target for ${seconds}s"
  log=$(mktemp)
  # -timeout: one input taking 10 s is a hang worth a report; -rss_limit_mb: so is a 2 GB one.
  if cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units)' "$log" | head -1
  else
    tail -40 "$log"
    failed+=("$target")
  fi
  rm -f "$log"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "== fuzzing: ${#targets[@]} targets, ${seconds}s each, no crash"
