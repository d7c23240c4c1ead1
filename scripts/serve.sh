#!/usr/bin/env bash
# The CarbonTrack API on a laptop: a local DynamoDB (moto, unless DYNAMODB_ENDPOINT is set), the four tables, a
# release build, and `carbontrack serve --http` in front of the real bootstrap until Ctrl-C. Prints a token for a
# test user. HTTP_PORT (default 8080) and TEST_USER (default u1) change the obvious.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_python_env
http_port="${HTTP_PORT:-8080}"
user="${TEST_USER:-u1}"
if [[ -n "${DYNAMODB_ENDPOINT:-}" ]]; then
  log "using DynamoDB at $DYNAMODB_ENDPOINT"
else
  start_moto
  use_local_aws
fi

build_release_bootstrap_and_cli
bin="$release_bin"
"$bin/carbontrack" tables create

token="$("$bin/carbontrack" token --sub "$user" --expires-in 86400)"
cat >&2 <<TEXT
==> the API is on http://127.0.0.1:$http_port (Ctrl-C stops it); as user $user:
    TOKEN=$token
    curl -H "Authorization: Bearer \$TOKEN" -d '{"email":"$user@example.com","displayName":"Test User"}' \\
      localhost:$http_port/users/$user
    curl -H "Authorization: Bearer \$TOKEN" localhost:$http_port/users/$user/entries
TEXT
"$bin/carbontrack" serve --port 0 --http "$http_port" -- "$bin/bootstrap-lambda"
