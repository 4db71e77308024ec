#!/usr/bin/env bash
# Secretariat pages at QUALITY.md's scale: latency of the task dashboard, the proposal inbox and
# the letters under `wrk -t2 -c16 -d10s`, logged in as the secretariat, on a database with
# 100 000 proposals, 10 000 meetings and 20 000 tasks (bench_scale). The reference, measured in
# the same run on the same server and connection count, is `/healthz`: what the server itself
# costs with no page behind it. Public overviews are measured the same way at 64 connections.
# Each row is measured twice; the better run counts.
#
#     bash bench/secretariat_pages.sh [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
backend=${1:-sqlite}

cargo build --release --quiet --bin agendum --example bench_scale
work=$(mktemp -d)
agendum_pid=""
cleanup() {
  [ -n "$agendum_pid" ] && kill "$agendum_pid" 2>/dev/null || true
  [ "$backend" = postgres ] && psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS agendum_bench" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$backend" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS agendum_bench" >/dev/null
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE agendum_bench" >/dev/null
  export AGENDUM_DATABASE_URL="postgres://postgres@127.0.0.1:5432/agendum_bench"
else
  export AGENDUM_DATABASE_URL="sqlite://$work/agendum.db"
fi
export AGENDUM_LOG=warn
target/release/agendum demo >/dev/null
target/release/examples/bench_scale "$AGENDUM_DATABASE_URL" 100000 10000 20000
[ "$backend" = postgres ] && psql -q -h 127.0.0.1 -U postgres -d agendum_bench -c "VACUUM ANALYZE" >/dev/null

port=18490
AGENDUM_BIND=127.0.0.1:$port AGENDUM_BASE_URL=http://127.0.0.1:$port target/release/agendum serve >/dev/null &
agendum_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

# Log in as the secretariat as a browser does: the login form's token, then the session cookie.
jar=$work/cookies
csrf=$(curl -sf -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sf -b "$jar" -c "$jar" -o /dev/null -H "Origin: $base" \
  --data-urlencode "csrf=$csrf" --data-urlencode "next=/" \
  --data-urlencode "email=sekretariat@example.org" --data-urlencode "password=demo" "$base/login"
# curl marks HttpOnly cookies with a "#HttpOnly_" prefix.
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
curl -sf -H "Cookie: $cookie" -o "$work/page" "$base/secretariat/tasks"
grep -q "Opfølgning" "$work/page" || { echo "not logged in" >&2; exit 1; }

cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("%.2f %.2f %.2f %d %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), errors))
end
LUA
# "p50 p95 p99 req/s errors" of the better (lower p95) of two 10 s runs.
measure() {
  local connections=$1 path=$2 a b
  a=$(wrk -t2 -c"$connections" -d10s -s "$work/report.lua" -H "Cookie: $cookie" "$base$path" | tail -n 1)
  b=$(wrk -t2 -c"$connections" -d10s -s "$work/report.lua" -H "Cookie: $cookie" "$base$path" | tail -n 1)
  printf '%s\n%s\n' "$a" "$b" | sort -k2 -g | head -n 1
}

echo "backend: $backend"
echo "page | connections | bytes | p50 ms | p95 ms | p99 ms | req/s | errors | p95 / p95 of /healthz"
for connections in 16 64; do
  reference=$(measure "$connections" /healthz)
  ref95=$(echo "$reference" | awk '{print $2}')
  echo "/healthz | $connections | - | $(echo "$reference" | awk '{print $1" | "$2" | "$3" | "$4" | "$5}') | 1.0"
  if [ "$connections" = 16 ]; then
    pages=(/secretariat/tasks "/secretariat/tasks?status=overdue" "/secretariat/tasks?status=open&side=5" /secretariat/proposals /secretariat/letters)
  else
    pages=(/ /proposals/follow-up /proposals/completed "/proposals/completed?side=200")
  fi
  for path in "${pages[@]}"; do
    status=$(curl -s -o "$work/page" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
    [ "$status" = 200 ] || { echo "$path answers $status" >&2; exit 1; }
    bytes=$(wc -c <"$work/page")
    row=$(measure "$connections" "$path")
    ratio=$(echo "$row $ref95" | awk '{printf "%.1f", $2 / $6}')
    echo "$path | $connections | $bytes | $(echo "$row" | awk '{print $1" | "$2" | "$3" | "$4" | "$5}') | $ratio"
  done
done
echo "resident memory: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/$agendum_pid/status)"
