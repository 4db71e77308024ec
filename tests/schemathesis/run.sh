#!/usr/bin/env bash
# Schemathesis (`--checks all`) against the OpenAPI document of a running Agendum with the demo
# data, once for each role that has a token: the secretariat, a politician, an administration's
# staff, and nobody. It fails on any server error, schema violation or other failed check.
# Bounded for CI: ST_MAX_EXAMPLES test cases per operation (default 25), from a fixed seed
# (ST_SEED; `ST_SEED=random` for a new one each run) so that a CI run can be replayed. Uses the
# debug binary that `cargo test` built (AGENDUM_BIN to use another).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${AGENDUM_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/agendum}"
examples="${ST_MAX_EXAMPLES:-25}"
seed=(--seed "${ST_SEED:-20261202}")
[ "${ST_SEED:-}" = random ] && seed=()
command -v st >/dev/null || { echo "schemathesis: st not found (pip install schemathesis)" >&2; exit 1; }
[ -x "$bin" ] || { echo "schemathesis: $bin not built (cargo build)" >&2; exit 1; }

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cd "$work"
export AGENDUM_DATABASE_URL="sqlite://$work/agendum.db" AGENDUM_BIND="127.0.0.1:$port" \
  AGENDUM_BASE_URL="http://127.0.0.1:$port" AGENDUM_MAIL_DIR="$work/mail" AGENDUM_LOG=warn
"$bin" serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

# data_too_large is Hypothesis judging its own generated examples (the case number's pattern),
# not an answer of Agendum's: it is not a failure of the API.
status=0
for who in sekretariat@example.org politiker@example.org okf@example.org nobody; do
  auth=()
  if [ "$who" != nobody ]; then
    token="$("$bin" token create --email "$who" --label schemathesis | head -n 1)"
    auth=(-H "Authorization: Bearer $token")
  fi
  echo "schemathesis: as $who, $examples cases per operation"
  if ! st --config-file "$root/tests/schemathesis/schemathesis.toml" run \
      "http://127.0.0.1:$port/api/v1/openapi.json" --url "http://127.0.0.1:$port/api/v1" \
      "${auth[@]}" --checks all --max-examples "$examples" --workers 1 "${seed[@]}" \
      --suppress-health-check=data_too_large \
      --no-color >"$work/st-$who.txt" 2>&1; then
    status=1
    cat "$work/st-$who.txt"
  else
    tail -n 4 "$work/st-$who.txt"
  fi
done
if grep -qi "panicked" "$work/server.log"; then
  echo "schemathesis: the server panicked" >&2
  cat "$work/server.log" >&2
  status=1
fi
exit "$status"
