#!/usr/bin/env bash
# Issue 17's side-by-side benchmark: our bootstrap against the floor and the peers, in ROUNDS alternating rounds
# of one run, on one local Runtime API server (`carbontrack serve --benchmark`) and one moto server.
#
#   echo:      cold start (spawn → first /next, median of COLD_RUNS), function CPU per warm invoke over
#              INVOCATIONS, RSS after them and peak RSS (VmHWM): bootstrap (_HANDLER=echo), the official Swift
#              runtime (swift-aws-lambda-runtime 2.x, scripts/build-official-runtime.sh: the event's bytes back,
#              and its Codable hello-world form), awslambdaric, bare C loop;
#   self-test: CPU per invoke of events/self-test.json over SELFTEST_INVOCATIONS, peak RSS, DynamoDB calls per
#              invoke (counted by the moto server) and CPU per call: bootstrap against awslambdaric + boto3 doing
#              the same ten steps (Benchmarks/peers/selftest_boto3.py);
#   routes:    bootstrap's CPU and DynamoDB calls per API request for each event of events/api-v2 (and api-v1 with
#              ROUTE_EVENTS="api-v2 api-v1"), ROUTE_REQUESTS requests each (scripts/lib/route_bench.py).
# Only the function process's CPU counts (from /proc), never moto's or serve's. Prints Markdown tables.
#
#   scripts/bench-peers.sh                             # builds what it needs
#   BOOTSTRAP=... CARBONTRACK=... OFFICIAL_BOOTSTRAP=... ROUNDS=3 scripts/bench-peers.sh   # reuses builds
#   OFFICIAL_RUNTIME_GIT=<url> OFFICIAL_RUNTIME_REF=2.4.0 scripts/bench-peers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

rounds="${ROUNDS:-3}"
invocations="${INVOCATIONS:-3000}"
cold_runs="${COLD_RUNS:-10}"
selftest_invocations="${SELFTEST_INVOCATIONS:-20}"
route_requests="${ROUTE_REQUESTS:-100}"
route_events="${ROUTE_EVENTS:-api-v2}"
work="$(mktemp -d)"
results="${RESULTS:-$work/results.jsonl}"

ensure_python_env
if [[ -z "${BOOTSTRAP:-}" || -z "${CARBONTRACK:-}" ]]; then
  build_release_bootstrap_and_cli >&2
  strip -o "$work/bootstrap" "$release_bin/bootstrap-lambda"
  BOOTSTRAP="$work/bootstrap" CARBONTRACK="$release_bin/carbontrack"
fi
OFFICIAL_BOOTSTRAP="${OFFICIAL_BOOTSTRAP:-$(scripts/build-official-runtime.sh)}"

# Baselines only (not project tools, so not in infra/requirements.txt); pinned for repeatable figures. boto3 is
# the version infra/requirements.txt pins for the project's own Python tools.
venv="${RIC_VENV:-.build/bench-venv}"
if ! "$venv/bin/python" -c 'import awslambdaric, boto3' 2>/dev/null; then
  log "awslambdaric and boto3 (PyPI) in $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check awslambdaric==4.2.2 boto3==1.43.11 >&2
fi
cat >"$work/echo.py" <<'PY'
def handler(event, context):
    return event
PY
cc -O2 -o "$work/bare" Benchmarks/peers/bare_loop.c
strip "$work/bare"
printf '{"hello":"world","numbers":[1,2,3],"nested":{"ok":true}}' >"$work/event.json"

start_moto
use_local_aws
proxy_pid=""
trap 'kill "$MOTO_PID" $proxy_pid 2>/dev/null || true; rm -rf "$work"' EXIT
# With KEEPALIVE=1 (the default) the functions reach moto through a keep-alive proxy (start_keepalive_proxy).
if [[ "${KEEPALIVE:-1}" == 1 ]]; then
  start_keepalive_proxy
  proxy_pid="$PROXY_PID"
fi
"$CARBONTRACK" tables create >&2

# shellcheck disable=SC2034 # read through the nameref in measure
command_swift=(/usr/bin/env _HANDLER=echo "$BOOTSTRAP")
# shellcheck disable=SC2034
command_official=("$OFFICIAL_BOOTSTRAP")
# shellcheck disable=SC2034
command_official_codable=(/usr/bin/env PEER_MODE=codable "$OFFICIAL_BOOTSTRAP")
# shellcheck disable=SC2034
command_python=(/usr/bin/env "PYTHONPATH=$work" "$venv/bin/python" -m awslambdaric echo.handler)
# shellcheck disable=SC2034
command_bare=("$work/bare")
# shellcheck disable=SC2034
command_selftest_swift=("$BOOTSTRAP")
# shellcheck disable=SC2034
command_selftest_boto3=(/usr/bin/env "PYTHONPATH=Benchmarks/peers" "$venv/bin/python" -m awslambdaric
  selftest_boto3.handler)

# One `serve --benchmark` run of $2 invokes of event $1; prints its JSON line with the peak RSS added.
serve_benchmark() {
  local event="$1" count="$2"
  shift 2
  python3 scripts/lib/peak_rss.py "$CARBONTRACK" serve --port 0 --timeout 60 --benchmark "$count" --event "$event" \
    -- "$@"
}

moto_calls() {
  curl -fsS "$MOTO_ENDPOINT/_counts" | python3 -c 'import json,sys; print(sum(json.load(sys.stdin).values()))'
}

# Appends one result line: round, table, contender and the serve figures (plus extras as JSON).
record() {
  python3 -c '
import json, sys
figures = json.loads(sys.argv[4]); figures.update(json.loads(sys.argv[5]))
figures.update(round=int(sys.argv[1]), table=sys.argv[2], who=sys.argv[3])
print(json.dumps(figures))' "$@" >>"$results"
}

# The function's answer to the self-test through serve's Invoke API, which must be a PASS before it is measured.
check_selftest() {
  local port serve report=""
  port="$(free_port)"
  "$CARBONTRACK" serve --port "$port" --quiet --timeout 60 -- "$@" >/dev/null &
  serve=$!
  for _ in $(seq 1 100); do
    report="$(curl -fsS -d @events/self-test.json "http://127.0.0.1:$port/2015-03-31/functions/function/invocations" \
      2>/dev/null)" && break
    sleep 0.2
  done
  kill "$serve"
  wait "$serve" || true
  [[ -n "$report" ]] || report='{}'
  python3 -c 'import json,sys; sys.exit(json.loads(sys.argv[1]).get("overall_status") != "PASS")' "$report" || {
    log "self-test did not pass: $report"
    return 1
  }
}

check_selftest "${command_selftest_swift[@]}"
check_selftest "${command_selftest_boto3[@]}"

echo_contenders=(swift official official_codable python bare)
selftest_contenders=(selftest_swift selftest_boto3)
for round in $(seq "$rounds"); do
  # Each round runs the contenders in the other order, so neither always runs first after the builds.
  order=("${echo_contenders[@]}") selftest_order=("${selftest_contenders[@]}")
  if ((round % 2 == 0)); then
    order=(bare python official_codable official swift) selftest_order=(selftest_boto3 selftest_swift)
  fi
  for contender in "${order[@]}"; do
    declare -n command="command_$contender"
    log "round $round, echo: $contender (cold start x$cold_runs, $invocations warm invokes)"
    cold="$(median_cold_start_ms "$cold_runs" "$work/event.json" "${command[@]}")"
    record "$round" echo "$contender" "$(serve_benchmark "$work/event.json" "$invocations" "${command[@]}")" \
      "{\"coldMs\": $cold}"
    unset -n command
  done
  for contender in "${selftest_order[@]}"; do
    declare -n command="command_$contender"
    log "round $round, self-test: $contender ($selftest_invocations invokes)"
    before="$(moto_calls)"
    figures="$(serve_benchmark events/self-test.json "$selftest_invocations" "${command[@]}")"
    after="$(moto_calls)"
    record "$round" selftest "$contender" "$figures" "{\"dynamoDBCalls\": $((after - before))}"
    unset -n command
  done
  for events in $route_events; do
    log "round $round, routes of events/$events ($route_requests requests each)"
    port="$(free_port)"
    "$CARBONTRACK" serve --port "$port" --quiet --timeout 60 -- "$BOOTSTRAP" >"$work/routes.out" &
    serve=$!
    function_pid="$(served_function_pid "$work/routes.out")"
    python3 scripts/lib/route_bench.py "http://127.0.0.1:$port/2015-03-31/functions/function/invocations" \
      "$function_pid" "$MOTO_ENDPOINT" "events/$events" "$route_requests" |
      while read -r line; do record "$round" "routes-$events" swift "$line" '{}'; done
    kill "$serve"
    wait "$serve" || true
  done
done

KEEPALIVE="${KEEPALIVE:-1}" python3 scripts/lib/peers_report.py "$results" "$(date -u +%Y-%m-%dT%H:%MZ)" \
  "$invocations" "$cold_runs" "$selftest_invocations" "$route_requests"
