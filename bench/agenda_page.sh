#!/usr/bin/env bash
# Released agenda page: requests/s of Agendum's /meetings/{id} against Debian's nginx serving the
# same bytes from a file, measured in the same run with `wrk -t2 -c64 -d10s` on loopback.
# Two pages: the seed meeting (small) and a generated 40-item agenda (~80 KB). Each page is
# measured as the identical uncompressed bytes, and again gzip-compressed as browsers receive it
# (nginx's gzip_static serving Agendum's own .gz bytes, so both send the same bytes).
# Each server is measured twice, alternating; the better run of each counts.
#
#     bash bench/agenda_page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if ((${#missing[@]})); then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

cargo build --release --quiet --bin agendum --example bench_data
work=$(mktemp -d)
agendum_pid=""
cleanup() {
  [ -n "$agendum_pid" ] && kill "$agendum_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export AGENDUM_DATABASE_URL="sqlite://$work/agendum.db" AGENDUM_LOG=warn
target/release/agendum demo >/dev/null
large=$(target/release/examples/bench_data "$AGENDUM_DATABASE_URL" 40)

AGENDUM_BIND=127.0.0.1:18480 target/release/agendum serve >/dev/null &
agendum_pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18480/healthz >/dev/null && break; sleep 0.1; done

mkdir -p "$work/www"
curl -sf http://127.0.0.1:18480/meetings/1 >"$work/www/seed.html"
curl -sf "http://127.0.0.1:18480/meetings/$large" >"$work/www/large.html"
curl -sf -H 'Accept-Encoding: gzip' http://127.0.0.1:18480/meetings/1 >"$work/www/seed.html.gz"
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:18480/meetings/$large" >"$work/www/large.html.gz"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:18481;
    root $work/www;
    location / { default_type "text/html; charset=utf-8"; gzip_static on; }
  }
}
CONF
mkdir -p "$work/tmp"
chmod -R a+rX "$work"   # nginx workers run as www-data
"$NGINX" -c "$work/nginx.conf" -p "$work"
sleep 0.5

rate() { wrk -t2 -c64 -d10s "$@" | awk '/Requests\/sec/ {print $2}'; }
best() { printf '%s\n%s\n' "$1" "$2" | sort -g | tail -n 1; }

echo "page | encoding | bytes | nginx req/s (runs) | agendum req/s (runs) | ratio"
for page in seed large; do
  case $page in
    seed) path=/meetings/1 ;;
    large) path=/meetings/$large ;;
  esac
  for encoding in identity gzip; do
    header=()
    file=$page.html
    if [ "$encoding" = gzip ]; then header=(-H "Accept-Encoding: gzip"); file=$page.html.gz; fi
    # Both must answer 200 with the same bytes, or the comparison means nothing.
    curl -sf "${header[@]}" "http://127.0.0.1:18481/$page.html" | cmp -s - "$work/www/$file" || { echo "nginx does not serve $file" >&2; exit 1; }
    curl -sf "${header[@]}" "http://127.0.0.1:18480$path" | cmp -s - "$work/www/$file" || { echo "agendum does not serve $file" >&2; exit 1; }
    bytes=$(wc -c <"$work/www/$file")
    wrk -t2 -c64 -d2s "${header[@]}" "http://127.0.0.1:18480$path" >/dev/null   # warm both
    wrk -t2 -c64 -d2s "${header[@]}" "http://127.0.0.1:18481/$page.html" >/dev/null
    n1=$(rate "${header[@]}" "http://127.0.0.1:18481/$page.html"); a1=$(rate "${header[@]}" "http://127.0.0.1:18480$path")
    n2=$(rate "${header[@]}" "http://127.0.0.1:18481/$page.html"); a2=$(rate "${header[@]}" "http://127.0.0.1:18480$path")
    n=$(best "$n1" "$n2"); a=$(best "$a1" "$a2")
    ratio=$(awk -v a="$a" -v n="$n" 'BEGIN { printf "%.2f", a / n }')
    echo "$page ($path) | $encoding | $bytes | $n ($n1, $n2) | $a ($a1, $a2) | $ratio"
  done
done
echo "agendum RSS after the load: $(awk '/VmRSS/ {print $2, $3}' /proc/$agendum_pid/status)"
