#!/usr/bin/env bash
# Start time: from exec to the first 200 from /healthz, on an up-to-date SQLite database with the
# demo (target ≤ 1 s). Five starts.
#
#     bash bench/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin agendum
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AGENDUM_DATABASE_URL="sqlite://$work/agendum.db" AGENDUM_LOG=warn AGENDUM_BIND=127.0.0.1:18496
target/release/agendum demo >/dev/null
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  target/release/agendum serve >/dev/null 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:18496/healthz >/dev/null; do sleep 0.005; done
  echo "ready in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
