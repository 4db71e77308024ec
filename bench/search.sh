#!/usr/bin/env bash
# Search at QUALITY.md's scale (issue 21): `agendum reindex` of the whole benchmark data from
# scratch, then the latency of one- and two-word searches under `wrk -t2 -c16 -d10s` through
# `GET /api/v1/search`, as the secretariat (who finds everything: the 100 000 generated
# proposals are not public) and as the public. The data: the demo plus bench_scale's 100 000
# proposals, 10 000 meetings and 20 000 tasks. Each wrk connection cycles through its query set.
# The reference, measured in the same run on the same server and connection count, is
# `/healthz`. Each row is measured twice; the better run counts.
#
#     bash bench/search.sh [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
backend=${1:-sqlite}

cargo build --release --quiet --bin agendum --example bench_scale
bin="${CARGO_TARGET_DIR:-target}/release"
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
"$bin/agendum" demo >/dev/null
"$bin/examples/bench_scale" "$AGENDUM_DATABASE_URL" 100000 10000 20000
# bench_scale writes rows with SQL of its own, past the index: reindex is what it needs anyway.
start=$(date +%s%N)
"$bin/agendum" reindex
echo "reindex: $(( ($(date +%s%N) - start) / 1000000 )) ms"
if [ "$backend" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d agendum_bench -c "VACUUM ANALYZE" >/dev/null
  psql -At -h 127.0.0.1 -U postgres -d agendum_bench -c \
    "SELECT 'index size: ' || pg_size_pretty(pg_total_relation_size('search_documents'))"
else
  ls -l "$work/agendum.db" | awk '{print "database file: " $5 " bytes"}'
fi
token=$("$bin/agendum" token create --email sekretariat@example.org 2>/dev/null)

port=18491
AGENDUM_BIND=127.0.0.1:$port AGENDUM_BASE_URL=http://127.0.0.1:$port "$bin/agendum" serve >/dev/null &
agendum_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

# The query sets: words in many proposals (a district: one in ten) and in fewer (a topic: one
# in 24), and pairs of them.
one_word=(cykelstier Valby skolepladser havnebade Nørrebro biblioteker elbusser vinterbadning)
two_words=("grønne tage" "billige boliger" "sociale medier" "Valby cykelstier" "Amager legepladser" "trafiksikre skoleveje" "madspild kantiner" "Østerbro træer")
lua_paths() {
  local out="" q
  for q in "$@"; do
    q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
    out="$out\"/api/v1/search?q=$q\","
  done
  echo "{${out%,}}"
}
write_script() {
  cat >"$work/$1.lua" <<LUA
paths = $2
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end
headers = {}
$3
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("%.2f %.2f %.2f %d %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), errors))
end
LUA
}
auth="headers[\"Authorization\"] = \"Bearer $token\""
write_script one_secretariat "$(lua_paths "${one_word[@]}")" "$auth"
write_script two_secretariat "$(lua_paths "${two_words[@]}")" "$auth"
write_script one_public "$(lua_paths "${one_word[@]}")" ""
write_script two_public "$(lua_paths "${two_words[@]}")" ""
write_script healthz '{"/healthz"}' ""

# What the searches find, so the figures can be read against it.
for q in "${one_word[@]}" "${two_words[@]}"; do
  e=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
  n=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/search?q=$e" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pagination"]["total"])')
  echo "found for \"$q\": $n"
done

# "p50 p95 p99 req/s errors" of the better (lower p95) of two 10 s runs.
measure() {
  local a b
  a=$(wrk -t2 -c16 -d10s -s "$work/$1.lua" "$base" | tail -n 1)
  b=$(wrk -t2 -c16 -d10s -s "$work/$1.lua" "$base" | tail -n 1)
  printf '%s\n%s\n' "$a" "$b" | sort -k2 -g | head -n 1
}
echo "backend: $backend"
echo "queries | connections | p50 ms | p95 ms | p99 ms | req/s | errors | p95 / p95 of /healthz"
reference=$(measure healthz)
ref95=$(echo "$reference" | awk '{print $2}')
echo "/healthz | 16 | $(echo "$reference" | awk '{print $1" | "$2" | "$3" | "$4" | "$5}') | 1.0"
for set in one_secretariat two_secretariat one_public two_public; do
  r=$(measure "$set")
  ratio=$(echo "$r $ref95" | awk '{printf "%.0f", $2 / $6}')
  echo "$set | 16 | $(echo "$r" | awk '{print $1" | "$2" | "$3" | "$4" | "$5}') | $ratio"
done
