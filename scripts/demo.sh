#!/usr/bin/env bash
# The main job: a DynamoDB to talk to, the four tables, a release build, and the 10-step self-test.
# DynamoDB is, in order: DYNAMODB_ENDPOINT when set; real AWS when AWS_REGION and credentials
# (AWS_ACCESS_KEY_ID or AWS_PROFILE) are in the environment; otherwise a moto server started here on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

if [[ -n "${DYNAMODB_ENDPOINT:-}" ]]; then
  log "using DynamoDB at $DYNAMODB_ENDPOINT"
elif [[ -n "${AWS_REGION:-}" && (-n "${AWS_ACCESS_KEY_ID:-}" || -n "${AWS_PROFILE:-}") ]]; then
  log "using DynamoDB in AWS region $AWS_REGION"
else
  ensure_python_tools
  ensure_apt_tools curl=curl
  start_moto
  use_local_aws
fi

log "release build (bootstrap as infra/package.sh ships it)"
# shellcheck source=infra/lib/release-build.bash
source infra/lib/release-build.bash
swift "${bootstrap_build_args[@]}"
swift "${carbontrack_build_args[@]}"
bin="$(swift build -c release --show-bin-path)"

log "tables"
"$bin/carbontrack" tables create

log "self-test (in-process)"
"$bin/carbontrack" selftest

log "self-test through the real bootstrap and the local Lambda server"
port=$(free_port)
"$bin/carbontrack" serve --port "$port" -- "$bin/bootstrap" &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; kill "${MOTO_PID:-}" 2>/dev/null || true' EXIT
invoke_url="http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null -d '{"action":"ping"}' "$invoke_url" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -d @events/self-test.json "$invoke_url"
echo
