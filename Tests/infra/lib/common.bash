# Shared helpers for the Tests/infra/*.sh scripts; sourced, never run on its own.
# shellcheck shell=bash

infra_passed=0
infra_failed=0
infra_cleanup_actions=()

# The repository root, whichever directory the test was started from.
# shellcheck disable=SC2034 # used by the scripts that source this file
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

# Records one check: pass "description" (on success) or fail "description" "details".
pass() {
  infra_passed=$((infra_passed + 1))
  echo "ok   - $1"
}

fail() {
  infra_failed=$((infra_failed + 1))
  echo "FAIL - $1"
  if [[ $# -ge 2 && -n "$2" ]]; then
    printf '%s\n' "$2" | sed 's/^/       /'
  fi
}

# check "description" command...: passes when the command exits 0; its output is shown on failure only.
check() {
  local description="$1" output
  shift
  if output="$("$@" 2>&1)"; then
    pass "$description"
  else
    fail "$description" "$output"
  fi
}

# record_results LINES: one pass or fail per line `ok|FAIL<TAB>description<TAB>details`, as the Python checks
# of the infra tests print them.
record_results() {
  local status description details
  while IFS=$'\t' read -r status description details; do
    if [[ "$status" == ok ]]; then
      pass "$description"
    else
      fail "$description" "$details"
    fi
  done <<<"$1"
}

# expect_equal "description" expected actual
expect_equal() {
  if [[ "$2" == "$3" ]]; then
    pass "$1"
  else
    fail "$1" "expected: $2"$'\n'"actual:   $3"
  fi
}

# expect_contains "description" needle haystack
expect_contains() {
  if [[ "$3" == *"$2"* ]]; then
    pass "$1"
  else
    fail "$1" "expected to find: $2"$'\n'"in: $3"
  fi
}

# Prints the summary line the harness looks for and exits non-zero when anything failed.
finish() {
  echo "infra: $infra_passed passed, $infra_failed failed"
  if ((infra_failed > 0 || infra_passed == 0)); then
    exit 1
  fi
  exit 0
}

# Ends the script for a missing prerequisite: a failure under CI, a skip otherwise.
# missing_prerequisite "check description" "how to provide it" "what is missing"
missing_prerequisite() {
  if [[ "${CI:-}" == "true" ]]; then
    fail "$1" "$2"
    finish
  fi
  echo "skipping $(basename "$0"): $3 (this would fail with CI=true)"
  echo "infra: 0 passed, 0 failed"
  exit 0
}

# require_tool NAME: the tool is on PATH.
require_tool() {
  command -v "$1" >/dev/null 2>&1 ||
    missing_prerequisite "required tool '$1' is on PATH" "install it (see scripts/test.sh)" "'$1' is not installed"
}

# require_variable NAME "how it gets set": an environment variable scripts/test.sh sets is set.
require_variable() {
  [[ -n "${!1:-}" ]] || missing_prerequisite "$1 is set" "$2" "$1 is not set"
}

# Runs registered cleanup actions, last registered first, when the script exits.
on_exit() {
  local i
  for ((i = ${#infra_cleanup_actions[@]} - 1; i >= 0; i--)); do
    eval "${infra_cleanup_actions[i]}" >/dev/null 2>&1 || true
  done
}
trap on_exit EXIT

at_exit() {
  infra_cleanup_actions+=("$1")
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts a private moto_server on a free loopback port, sets private_moto_endpoint and stops the
# server when the script exits. Used by tests that change server-wide state (IAM enforcement).
start_private_moto() {
  require_tool moto_server
  local port log pid attempt
  port="$(free_port)"
  log="$(mktemp)"
  moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
  pid=$!
  at_exit "kill $pid; rm -f '$log'"
  private_moto_endpoint="http://127.0.0.1:$port"
  for attempt in $(seq 1 100); do
    if curl -fsS -o /dev/null "$private_moto_endpoint/moto-api/" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  fail "private moto_server starts on port $port (tried $attempt times)" "$(cat "$log")"
  finish
}

# Sets moto_endpoint to the harness's server (MOTO_ENDPOINT / DYNAMODB_ENDPOINT). Without one,
# CI fails and a local run starts its own server.
use_shared_moto() {
  moto_endpoint="${MOTO_ENDPOINT:-${DYNAMODB_ENDPOINT:-}}"
  if [[ -n "$moto_endpoint" ]]; then
    if ! curl -fsS -o /dev/null "$moto_endpoint/moto-api/" 2>/dev/null; then
      fail "moto server at $moto_endpoint answers" "is moto_server running?"
      finish
    fi
    return 0
  fi
  if [[ "${CI:-}" == "true" ]]; then
    fail "MOTO_ENDPOINT or DYNAMODB_ENDPOINT is set" "scripts/test.sh starts moto_server and exports it"
    finish
  fi
  start_private_moto
  moto_endpoint="$private_moto_endpoint"
}

# The AWS CLI against the harness's moto server (moto_endpoint, set by use_shared_moto), text output.
aws_local() {
  aws "$@" --endpoint-url "$moto_endpoint" --region "$AWS_REGION" --output text
}

# Creates the four tables under prefix $1 on moto (a check named "tables for the self-test exist") and deletes
# them when the script exits.
create_test_tables() {
  local prefix="$1"
  # shellcheck disable=SC2317 # only called from the exit trap
  remove_test_tables() {
    local table
    for table in $(aws_local dynamodb list-tables --query "TableNames[?starts_with(@, '$1')]"); do
      aws_local dynamodb delete-table --table-name "$table" >/dev/null 2>&1
    done
  }
  at_exit "remove_test_tables '$prefix'"
  check "tables for the self-test exist" \
    "$repo_root/infra/create-dynamodb-tables.sh" --endpoint-url "$moto_endpoint" --prefix "$prefix"
}

# Fake credentials for moto unless the caller has set some.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-testing}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-testing}"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-$AWS_REGION}"
export AWS_PAGER=""

# Prints the path of the `carbontrack` developer CLI: $CARBONTRACK_CLI, else the most recently built of
# the release and debug builds. Prints nothing when there is none.
find_carbontrack_cli() {
  if [[ -n "${CARBONTRACK_CLI:-}" ]]; then
    echo "$CARBONTRACK_CLI"
    return 0
  fi
  local candidate newest=""
  for candidate in "$repo_root/.build/release/carbontrack" "$repo_root/.build/debug/carbontrack"; do
    if [[ -x "$candidate" && (-z "$newest" || "$candidate" -nt "$newest") ]]; then
      newest="$candidate"
    fi
  done
  echo "$newest"
}

# Summarises a self-test report (JSON text in $1) as "PASS 10/10 failed=[]" or says why it is none.
self_test_verdict() {
  python3 - "$1" <<'PY'
import json, sys
try:
    report = json.loads(sys.argv[1])
except ValueError:
    report = None
if not isinstance(report, dict):
    print("not a JSON object")
    sys.exit(0)
failed = [step.get("name") for step in report.get("steps", []) if not step.get("passed")]
status, passed, total = report.get("overall_status"), report.get("passed_tests"), report.get("total_tests")
print(f"{status} {passed}/{total} failed={failed}")
PY
}
