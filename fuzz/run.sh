#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 5); fails on the first crash.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-${FUZZ_SECONDS:-5}}"
command -v cargo-fuzz >/dev/null || { echo "fuzz: cargo-fuzz not installed (cargo install cargo-fuzz)" >&2; exit 1; }
cargo fuzz build -s none --dev
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target"
  echo "fuzz: $target for ${seconds}s"
  log="$(mktemp)"
  if ! cargo fuzz run "$target" -s none --dev "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$log" 2>&1; then
    cat "$log"
    echo "fuzz: $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E "^stat::number_of_executed_units" "$log" || true
  rm -f "$log"
done
