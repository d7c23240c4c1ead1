#!/usr/bin/env bash
# History-size benchmark: what one request costs for a user with a short history against one with a long one.
# Seeds two users (10 and 10,000 entries, both spread over the last year, 5 goals each), then sends each
# request kind through the real bootstrap (`carbontrack serve --benchmark`) and reports, per kind and user, the
# function's CPU per request and the DynamoDB calls per request (counted by scripts/atomic_moto_server.py).
# The goal (issue 13): the 10,000-entry figures within 1.2x of the 10-entry ones, except explicitly paged reads.
#
#   scripts/bench-history.sh                 # REQUESTS=1000 per kind and user
#   REQUESTS=300 LONG_HISTORY=2000 scripts/bench-history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

requests="${REQUESTS:-1000}"
long_history="${LONG_HISTORY:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"; kill "${MOTO_PID:-}" 2>/dev/null || true' EXIT

ensure_python_env
ensure_commands curl=curl
log "release builds"
# shellcheck source=infra/lib/release-build.bash
source infra/lib/release-build.bash
swift "${bootstrap_build_args[@]}" >&2
swift "${carbontrack_build_args[@]}" >&2
bin="$(swift build -c release --show-bin-path)"

start_moto
use_local_aws
export CARBONTRACK_TABLE_PREFIX="bench-history-" AUTH_MODE=none
"$bin/carbontrack" tables create >&2
log "seeding: short (10 entries) and long ($long_history entries) histories"
"$bin/carbontrack" seed --user short --entries 10 --days 365 --goals 5 >&2
"$bin/carbontrack" seed --user long --entries "$long_history" --days 365 --goals 5 >&2

# event NAME METHOD PATH [BODY]: an HTTP API event for user-independent PATH (USER is substituted later).
event() {
  python3 - "$@" <<'PY'
import json, sys
name, method, path = sys.argv[1:4]
body = sys.argv[4] if len(sys.argv) > 4 else None
event = {"version": "2.0", "rawPath": path, "requestContext": {"http": {"method": method, "path": path}}}
if body is not None:
    event["body"] = body
print(json.dumps(event))
PY
}

kinds=(createEntry getUser listGoals analytics)
declare -A method path body
method[createEntry]=POST path[createEntry]=/users/USER/entries
body[createEntry]='{"category":"food","activity":"lunch","quantity":1,"unit":"meal","kgCO2e":2.5}'
method[getUser]=GET path[getUser]=/users/USER
method[listGoals]=GET path[listGoals]=/users/USER/goals
method[analytics]=GET path[analytics]=/users/USER/analytics

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

echo "| request | user | CPU per request | DynamoDB calls per request | calls by operation |"
echo "|---|---|---|---|---|"
declare -A cpu calls
for kind in "${kinds[@]}"; do
  for user in short long; do
    event "$kind" "${method[$kind]}" "${path[$kind]/USER/$user}" ${body[$kind]:+"${body[$kind]}"} >"$work/event.json"
    curl -fsS -X DELETE "$MOTO_ENDPOINT/_counts" >/dev/null
    figures="$("$bin/carbontrack" serve --port 0 --timeout 30 --handler api --benchmark "$requests" \
      --event "$work/event.json" -- "$bin/bootstrap")"
    [[ "$(field "$figures" failures)" == 0 ]] || { echo "failures: $figures" >&2; exit 1; }
    counts="$(curl -fsS "$MOTO_ENDPOINT/_counts")"
    cpu[$kind.$user]="$(field "$figures" warmCPUMicrosecondsPerInvoke)"
    calls[$kind.$user]="$(python3 -c "import json,sys; print(round(sum(json.loads(sys.argv[1]).values()) / int(sys.argv[2]), 2))" "$counts" "$requests")"
    per_operation="$(python3 -c "import json,sys; c=json.loads(sys.argv[1]); n=int(sys.argv[2]); print(', '.join(f'{k} {v/n:.2f}' for k, v in sorted(c.items())))" "$counts" "$requests")"
    echo "| $kind | $user | $(printf '%.0f' "${cpu[$kind.$user]}") µs | ${calls[$kind.$user]} | $per_operation |"
  done
done
echo
echo "Long over short history (goal: at most 1.2):"
for kind in "${kinds[@]}"; do
  echo "- $kind: CPU $(python3 -c "print(round(${cpu[$kind.long]} / ${cpu[$kind.short]}, 2))")x," \
    "DynamoDB calls $(python3 -c "print(round(${calls[$kind.long]} / ${calls[$kind.short]}, 2))")x"
done
