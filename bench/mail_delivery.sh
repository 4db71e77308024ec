#!/usr/bin/env bash
# Mail delivery: 10 000 outbox messages delivered by Agendum's worker to postfix's smtp-sink on
# loopback, against postfix's own smtp-source sending 10 000 messages of the same size to the
# same sink, in the same run (target ≥ 0.5 × smtp-source's rate). SQLite and PostgreSQL.
#
#     bash bench/mail_delivery.sh [COUNT] [BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
bytes=${2:-2048}
sessions=8   # smtp-source sessions = the worker's concurrent SMTP connections
export DEBIAN_FRONTEND=noninteractive
command -v smtp-sink >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postfix >/dev/null; }

cargo build --release --quiet --example bench_mail
work=$(mktemp -d)
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
smtp-sink -u nobody -c 127.0.0.1:2526 1000 >"$work/sink.log" 2>&1 &
sink_pid=$!
sleep 0.5

start=$(date +%s.%N)
smtp-source -s "$sessions" -m "$count" -l "$bytes" -f bench@example.org -t sink@example.org 127.0.0.1:2526
end=$(date +%s.%N)
source_rate=$(awk -v s="$start" -v e="$end" -v n="$count" 'BEGIN { printf "%.0f", n / (e - s) }')
echo "smtp-source: $count messages of $bytes bytes, $sessions sessions: $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') s ($source_rate msg/s)"

for backend in sqlite postgres; do
  if [ "$backend" = sqlite ]; then
    url="sqlite://$work/bench.db"
  else
    db="agendum_bench_$$"
    PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    url="postgres://postgres@127.0.0.1:5432/$db"
  fi
  line=$(target/release/examples/bench_mail "$url" "smtp://127.0.0.1:2526?tls=none" "$count" "$bytes")
  rate=$(echo "$line" | sed -E 's/.*\(([0-9]+) msg\/s\).*/\1/')
  echo "agendum ($backend): $line; ratio $(awk -v a="$rate" -v b="$source_rate" 'BEGIN { printf "%.2f", a / b }')"
  [ "$backend" = postgres ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE $db WITH (FORCE)"
done
