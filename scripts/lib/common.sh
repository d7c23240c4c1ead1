#!/usr/bin/env bash
# Shared helpers for scripts/*.sh: tool installation and a moto server on a free loopback port.

log() { printf '==> %s\n' "$*" >&2; }

# Python tools (.venv, infra/requirements.txt) and Debian packages: ensure_python_env and ensure_commands.
# shellcheck source=infra/lib/python-env.bash
source "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib/python-env.bash"

# Release builds of bootstrap, linked as infra/package.sh ships it ($release_bin/bootstrap-lambda), and of
# carbontrack; sets release_bin to their folder.
build_release_bootstrap_and_cli() {
  log "release build (bootstrap linked as infra/package.sh ships it)"
  # shellcheck source=infra/lib/release-build.bash
  source "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib/release-build.bash"
  swift "${bootstrap_build_args[@]}"
  swift "${carbontrack_build_args[@]}"
  release_bin="$(swift build -c release --show-bin-path)"
  link_bootstrap_for_lambda "$release_bin/bootstrap-lambda"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts moto's server (one request at a time, see atomic_moto_server.py) on a free loopback port,
# exports MOTO_ENDPOINT and stops it when the script exits.
start_moto() {
  local port
  port=$(free_port)
  MOTO_LOG=$(mktemp -t moto.XXXXXX.log)
  python3 "$(dirname "${BASH_SOURCE[0]}")/../atomic_moto_server.py" "$port" >"$MOTO_LOG" 2>&1 &
  MOTO_PID=$!
  trap 'kill "$MOTO_PID" 2>/dev/null || true' EXIT
  export MOTO_ENDPOINT="http://127.0.0.1:$port"
  local attempt
  for attempt in $(seq 1 100); do
    if curl -fsS "$MOTO_ENDPOINT/moto-api/" >/dev/null 2>&1; then
      log "moto server on $MOTO_ENDPOINT (after ${attempt} checks)"
      return 0
    fi
    sleep 0.2
  done
  log "moto server did not start; its log follows"
  cat "$MOTO_LOG" >&2
  return 1
}

# moto closes the connection after every response; DynamoDB keeps it open. Puts scripts/lib/keepalive_proxy.py in
# front of $MOTO_ENDPOINT and points DYNAMODB_ENDPOINT at it, so a DynamoDB call's CPU has no TCP connect in it;
# sets PROXY_PID (the caller stops it).
start_keepalive_proxy() {
  local proxy_port
  proxy_port="$(free_port)"
  python3 "$(dirname "${BASH_SOURCE[0]}")/keepalive_proxy.py" "$proxy_port" "$MOTO_ENDPOINT" &
  # shellcheck disable=SC2034 # for the sourcing script to stop
  PROXY_PID=$!
  export DYNAMODB_ENDPOINT="http://127.0.0.1:$proxy_port"
  for _ in $(seq 1 50); do
    curl -fsS "$DYNAMODB_ENDPOINT/_counts" >/dev/null 2>&1 && break
    sleep 0.1
  done
}

# The pid of the function process `carbontrack serve` started, read from serve's output in file $1.
served_function_pid() {
  local pid=""
  for _ in $(seq 1 100); do
    pid="$(sed -n 's/^Function process \([0-9]*\) started.*/\1/p' "$1" | tail -1)"
    [[ -n "$pid" ]] && break
    sleep 0.1
  done
  echo "$pid"
}

# serve_function OUTPUT COMMAND...: starts `$CARBONTRACK serve` on a free port with the function COMMAND (its
# output to OUTPUT) and waits until the function answers events/ping.json; sets serve (serve's pid), pid (the
# function's) and url (the Invoke API).
serve_function() {
  local output="$1" port
  shift
  port="$(free_port)"
  "$CARBONTRACK" serve --port "$port" --quiet --timeout 600 -- "$@" >"$output" 2>&1 &
  # shellcheck disable=SC2034 # for the calling script to stop
  serve=$!
  pid="$(served_function_pid "$output")"
  url="http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
  for _ in $(seq 1 300); do curl -fsS -d @events/ping.json "$url" >/dev/null 2>&1 && return; sleep 0.2; done
  log "the function did not answer a ping: $*"
  return 1
}

# median_cold_start_ms RUNS EVENT COMMAND...: the median, over RUNS fresh processes of the function COMMAND under
# `$CARBONTRACK serve`, of the time from spawn to the first /next (serve's initMs, with no RSS polling to
# disturb it), in ms.
median_cold_start_ms() {
  local runs="$1" event="$2"
  shift 2
  for _ in $(seq "$runs"); do
    "$CARBONTRACK" serve --port 0 --timeout 60 --benchmark 1 --event "$event" -- "$@" |
      python3 -c 'import json,sys; print(json.loads(sys.stdin.read().splitlines()[-1])["initMs"])'
  done | python3 -c 'import sys,statistics; print(statistics.median(float(line) for line in sys.stdin))'
}

# build_peer_like_bootstrap PACKAGE PRODUCT JOBS: a release build of PRODUCT in the Swift package at PACKAGE with
# bootstrap's arguments (infra/lib/release-build.bash), so a peer differs from bootstrap only in code; strips it to
# PACKAGE/bootstrap and prints that path.
build_peer_like_bootstrap() {
  local package="$1" product="$2" jobs="$3" index bin
  # shellcheck source=infra/lib/release-build.bash
  source "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib/release-build.bash"
  local -a args=("${bootstrap_build_args[@]}")
  for index in "${!args[@]}"; do
    [[ "${args[index]}" == bootstrap ]] && args[index]="$product"
  done
  log "release build of $product (${args[*]})"
  swift "${args[@]}" --package-path "$package" -j "$jobs" >&2
  bin="$(swift build -c release --package-path "$package" --show-bin-path)"
  strip -o "$package/bootstrap" "$bin/$product"
  echo "$package/bootstrap"
}

# Local-only credentials and region for moto: never real AWS keys.
use_local_aws() {
  export DYNAMODB_ENDPOINT="$MOTO_ENDPOINT"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
  unset AWS_SESSION_TOKEN AWS_PROFILE
}
