#!/usr/bin/env bash
# The main job: a DynamoDB to talk to, the four tables, a release build, and the 10-step self-test.
# DynamoDB is, in order: DYNAMODB_ENDPOINT when set; real AWS only when asked for with DEMO_USE_AWS=1 (with
# AWS_REGION and credentials); otherwise a moto server started here on loopback, with fake credentials, whatever
# AWS credentials happen to be in the environment. Exits non-zero unless the self-test through bootstrap passes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_python_env
ensure_commands curl=curl
if [[ -n "${DYNAMODB_ENDPOINT:-}" ]]; then
  log "using DynamoDB at $DYNAMODB_ENDPOINT"
elif [[ "${DEMO_USE_AWS:-}" == 1 ]]; then
  [[ -n "${AWS_REGION:-}" ]] || { log "DEMO_USE_AWS=1 needs AWS_REGION (and credentials)"; exit 2; }
  log "using DynamoDB in AWS region $AWS_REGION (DEMO_USE_AWS=1): the demo creates and deletes items there"
else
  start_moto
  use_local_aws
fi

build_release_bootstrap_and_cli
bin="$release_bin"

log "tables"
"$bin/carbontrack" tables create

log "self-test (in-process)"
"$bin/carbontrack" selftest

log "self-test through the real bootstrap (as it ships) and the local Lambda server"
port=$(free_port)
"$bin/carbontrack" serve --port "$port" -- "$bin/bootstrap-lambda" &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; kill "${MOTO_PID:-}" 2>/dev/null || true' EXIT
invoke_url="http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null -d '{"action":"ping"}' "$invoke_url" 2>/dev/null && break
  sleep 0.2
done
report="$(curl -fsS -d @events/self-test.json "$invoke_url")"
echo "$report"
# The demo's verdict is the report's, not curl's: a FAIL is still an HTTP 200 from the Invoke API.
python3 - "$report" <<'PY'
import json, sys
report = json.loads(sys.argv[1])
if report.get("overall_status") != "PASS" or report.get("passed_tests") != report.get("total_tests"):
    sys.exit(f"self-test through bootstrap: {report.get('overall_status')} "
             f"({report.get('passed_tests')}/{report.get('total_tests')})")
PY
log "self-test through bootstrap: PASS"
