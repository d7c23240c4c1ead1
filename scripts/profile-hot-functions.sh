#!/usr/bin/env bash
# Profiles which functions bootstrap runs, under valgrind's callgrind, and writes infra/lib/hot-functions.txt, the
# list the Lambda link (infra/lib/link-for-old-glibc.py) packs at the start of the text. Rerun it when the code
# the function runs changes much: Tests/infra/test-hot-text.sh fails when under 90 % of the listed names are
# still in the binary, and the performance guards' peak RSS grows as new code runs outside .text.hot.
#
# One function process under `carbontrack serve`: start-up, the self-test, every API route's success path
# (scripts/lib/route_bench.py), every event file, a malformed event, and the SIGTERM that stops it. A second
# process runs the echo handler.
#
#   scripts/profile-hot-functions.sh                   # release build first
#   BOOTSTRAP=... CARBONTRACK=... scripts/profile-hot-functions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

work="$(mktemp -d)"
ensure_python_env
ensure_commands valgrind=valgrind
if [[ -z "${BOOTSTRAP:-}" || -z "${CARBONTRACK:-}" ]]; then
  build_release_bootstrap_and_cli >&2
  BOOTSTRAP="$release_bin/bootstrap-lambda" CARBONTRACK="$release_bin/carbontrack"
fi
start_moto
use_local_aws
start_keepalive_proxy
trap 'kill "$MOTO_PID" "$PROXY_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
"$CARBONTRACK" tables create >&2
# This valgrind (3.19) cannot read the DWARF 5 the toolchain writes; the symbols stay.
strip --strip-debug -o "$work/bootstrap" "$BOOTSTRAP"

# Starts $work/bootstrap under callgrind with the environment settings $@ (serve_function).
serve_under_callgrind() {
  serve_function "$work/serve.out" /usr/bin/env "$@" "$(command -v valgrind)" --tool=callgrind --demangle=no \
    --callgrind-out-file="$work/callgrind.out.%p" "$work/bootstrap"
}

# Stops the function with SIGTERM (through serve), so callgrind writes its last dump, and waits for it.
stop_function() {
  kill "$serve"
  wait "$serve" || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# Everything the function answers: the self-test, every route's success path, every event file.
every_request() {
  curl -fsS -d @events/self-test.json "$url" | grep -q '"PASS"'
  python3 scripts/lib/route_bench.py "$url" "$pid" "$MOTO_ENDPOINT" events/api-v2 2 >/dev/null
  python3 scripts/lib/route_bench.py "$url" "$pid" "$MOTO_ENDPOINT" events/api-v1 2 >/dev/null
  local event
  for event in events/*.json events/*/*.json; do curl -sS -d @"$event" "$url" >/dev/null; done
  curl -sS -d '{"truncated' "$url" >/dev/null
}

log "profiling the router handler"
serve_under_callgrind
every_request
stop_function
log "profiling the echo handler"
serve_under_callgrind _HANDLER=echo
for _ in $(seq 1 20); do curl -fsS -d @events/ping.json "$url" >/dev/null; done
stop_function

python3 scripts/lib/hot_functions.py "$work"/callgrind.out.* >infra/lib/hot-functions.txt
log "infra/lib/hot-functions.txt: $(grep -vc '^#' infra/lib/hot-functions.txt) functions"
