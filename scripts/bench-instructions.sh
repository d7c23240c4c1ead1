#!/usr/bin/env bash
# Instructions, not seconds: runs each given bootstrap under valgrind's callgrind behind `carbontrack serve` and
# prints the instructions it executes to start and stop (no invoke) and per warm echo invoke. Instruction counts
# are repeatable on a noisy machine (same binary, same inputs: same count), so small differences between builds
# (e.g. the shipped Zig link against the plain one) can be told apart where timings cannot.
#
#   scripts/bench-instructions.sh BOOTSTRAP...     # defaults to the plain and the Zig-linked release builds
#   INVOCATIONS=2000 scripts/bench-instructions.sh
#   CARBONTRACK=.build/debug/carbontrack scripts/bench-instructions.sh BOOTSTRAP   # no build: serve's cost is not counted
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

invocations="${INVOCATIONS:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ensure_python_env
ensure_commands valgrind=valgrind
if (($# == 0)) || [[ -z "${CARBONTRACK:-}" ]]; then
  build_release_bootstrap_and_cli >&2
  CARBONTRACK="$release_bin/carbontrack"
  (($# > 0)) || set -- "$release_bin/bootstrap" "$release_bin/bootstrap-lambda"
fi
printf '{"hello":"world","numbers":[1,2,3],"nested":{"ok":true}}' >"$work/event.json"

# instructions BOOTSTRAP COUNT: total instructions of one process life serving COUNT echo invokes, stopped by SIGTERM.
instructions() {
  local port serve_pid function_pid
  port="$(free_port)"
  "$CARBONTRACK" serve --port "$port" --timeout 120 --handler echo --quiet -- \
    "$(command -v valgrind)" --tool=callgrind --callgrind-out-file="$work/callgrind.out.%p" "$1" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  python3 - "$port" "$2" "$work/event.json" >&2 <<'PY'
import http.client, sys, time
port, count, event = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "rb").read()
for _ in range(600):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", "/2015-03-31/functions/function/invocations-not-a-route")
        connection.getresponse().read()
        break
    except OSError:
        time.sleep(0.1)
for _ in range(count):
    connection.request("POST", "/2015-03-31/functions/function/invocations", body=event)
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status
PY
  # The function must have reached its first /next before it is stopped, or init is not all counted.
  for _ in $(seq 1 600); do grep -q 'Cold start' "$work/serve.log" && break; sleep 0.1; done
  function_pid="$(pgrep -P "$serve_pid" -f valgrind | head -1)"
  kill -TERM "$function_pid"
  # One file per process: serve starts a fresh function when this one exits, and that one writes its own file when
  # serve stops it.
  local out="$work/callgrind.out.$function_pid"
  for _ in $(seq 1 600); do [[ -s "$out" ]] && ! kill -0 "$function_pid" 2>/dev/null && break; sleep 0.1; done
  kill "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  sed -n 's/^\(summary\|totals\): *//p' "$out" | head -1
  rm -f "$work"/callgrind.out.*
}

echo "| bootstrap | instructions to start and stop | instructions per warm invoke ($invocations invokes) |"
echo "|---|---|---|"
for binary in "$@"; do
  # Stripped, as shipped; this valgrind (3.19) also cannot read the DWARF 5 the toolchain writes.
  strip -o "$work/bootstrap" "$binary"
  idle="$(instructions "$work/bootstrap" 0)"
  busy="$(instructions "$work/bootstrap" "$invocations")"
  echo "| $binary | $idle | $(((busy - idle) / invocations)) |"
done
