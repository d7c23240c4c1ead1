#!/usr/bin/env bash
# Instructions per API request, route by route: the routes part of bench-peers.sh (scripts/lib/route_bench.py)
# with the function under valgrind's callgrind, its counters zeroed before each route's batch and dumped after it.
# CPU time per request moves with the machine's load by more than a change to the handler path saves; the
# instruction count of the same build and requests does not. Counts include the Runtime API exchange and the
# DynamoDB client, as a request's CPU does; the function reaches moto through the keep-alive proxy.
#
#   scripts/bench-route-instructions.sh                        # release build; get-user, create-user, create-entry
#   ROUTES="get-user list-entries" ROUTE_REQUESTS=50 scripts/bench-route-instructions.sh BOOTSTRAP...
#   CARBONTRACK=.build/release/carbontrack ...                 # skips the build when BOOTSTRAP is given too
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

export ROUTES="${ROUTES:-get-user create-user create-entry}"
route_requests="${ROUTE_REQUESTS:-20}"
work="$(mktemp -d)"
ensure_python_env
ensure_commands valgrind=valgrind
if (($# == 0)) || [[ -z "${CARBONTRACK:-}" ]]; then
  build_release_bootstrap_and_cli >&2
  CARBONTRACK="$release_bin/carbontrack"
  (($# > 0)) || set -- "$release_bin/bootstrap"
fi

start_moto
use_local_aws
start_keepalive_proxy
trap 'kill "$MOTO_PID" "$PROXY_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
"$CARBONTRACK" tables create >&2

echo "| bootstrap | route | instructions per request | DynamoDB calls per request | failed |"
echo "|---|---|---|---|---|"
for binary in "$@"; do
  log "$binary: $ROUTES ($route_requests requests each, under callgrind)"
  # This valgrind (3.19) cannot read the DWARF 5 the toolchain writes; the symbols stay for callgrind_annotate.
  strip --strip-debug -o "$work/bootstrap" "$binary"
  port="$(free_port)"
  "$CARBONTRACK" serve --port "$port" --quiet --timeout 600 -- "$(command -v valgrind)" --tool=callgrind \
    --callgrind-out-file="$work/callgrind.out.%p" "$work/bootstrap" >"$work/serve.out" 2>&1 &
  serve=$!
  function_pid="$(served_function_pid "$work/serve.out")"
  CALLGRIND_OUT="$work" python3 scripts/lib/route_bench.py \
    "http://127.0.0.1:$port/2015-03-31/functions/function/invocations" "$function_pid" "$MOTO_ENDPOINT" \
    events/api-v2 "$route_requests" |
    python3 -c '
import json, sys
for line in sys.stdin:
    f = json.loads(line)
    row = [sys.argv[1], f["route"], format(f["instructionsPerRequest"], ","), f["dynamoDBCallsPerRequest"], f["failed"]]
    print("| " + " | ".join(str(cell) for cell in row) + " |", flush=True)' "$binary"
  # Kept for callgrind_annotate when KEEP_DUMPS names a folder: one dump per route, in ROUTES order.
  if [[ -n "${KEEP_DUMPS:-}" ]]; then cp "$work"/callgrind.out.*.* "$KEEP_DUMPS"/; fi
  kill "$serve"
  wait "$serve" || true
  rm -f "$work"/callgrind.out.*
done
