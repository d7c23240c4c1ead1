#!/usr/bin/env bash
# Tests infra/create-dynamodb-tables.sh against a moto server: creation, idempotency, the keys and
# billing mode of all four tables, the switchable settings, and the wrong-schema error.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool aws
require_tool curl
require_tool python3
use_shared_moto

script="$repo_root/infra/create-dynamodb-tables.sh"
run_id="$$-$RANDOM"
prefix="it-tables-$run_id-"
flags_prefix="it-flags-$run_id-"
wrong_prefix="it-wrong-$run_id-"

ddb() {
  aws dynamodb "$@" --endpoint-url "$moto_endpoint" --region "$AWS_REGION" --output text
}

# shellcheck disable=SC2317 # only called from the exit trap
delete_tables_with_prefix() {
  local table
  for table in $(ddb list-tables --query "TableNames[?starts_with(@, '$1')]"); do
    ddb update-table --table-name "$table" --no-deletion-protection-enabled >/dev/null 2>&1
    ddb delete-table --table-name "$table" >/dev/null 2>&1
  done
}
at_exit "delete_tables_with_prefix '$prefix'; delete_tables_with_prefix '$flags_prefix'; \
delete_tables_with_prefix '$wrong_prefix'"

run_script() {
  "$script" --endpoint-url "$moto_endpoint" --region "$AWS_REGION" "$@"
}

# --- creation and idempotency ------------------------------------------------------------------
if output="$(run_script --prefix "$prefix" 2>&1)"; then
  pass "first run creates the tables and exits 0"
else
  fail "first run creates the tables and exits 0" "$output"
fi
expect_equal "first run creates all four tables" 4 "$(grep -c '^creating table' <<<"$output")"

if output="$(run_script --prefix "$prefix" 2>&1)"; then
  pass "second run exits 0 (idempotent)"
else
  fail "second run exits 0 (idempotent)" "$output"
fi
expect_equal "second run creates nothing" 0 "$(grep -c '^creating table' <<<"$output")"
expect_equal "second run finds all four tables" 4 "$(grep -c 'already exists (ACTIVE)' <<<"$output")"

# --- keys, attribute types, billing mode and status of every table -----------------------------
# suffix | expected "KeyType=Name" list | expected "Name=Type" list (in DescribeTable order)
expectations=(
  "users|HASH=userId|userId=S"
  "entries|HASH=userId,RANGE=timestamp|userId=S,timestamp=S"
  "goals|HASH=userId,RANGE=goalId|userId=S,goalId=S"
  "achievements|HASH=userId,RANGE=achievementId|userId=S,achievementId=S"
)
# One DescribeTable per table: key schema, sorted key attribute definitions, billing mode, status.
# shellcheck disable=SC2016 # the backticks are JMESPath literals
describe_query='Table.[join(`,`, KeySchema[].join(`=`, [KeyType, AttributeName])),
  join(`,`, sort(AttributeDefinitions[].join(`=`, [AttributeName, AttributeType]))),
  BillingModeSummary.BillingMode, TableStatus]'
for expectation in "${expectations[@]}"; do
  IFS='|' read -r suffix want_keys want_attributes <<<"$expectation"
  IFS=$'\t' read -r keys attributes billing status \
    <<<"$(ddb describe-table --table-name "$prefix$suffix" --query "$describe_query")"
  expect_equal "$suffix: key schema" "$want_keys" "$keys"
  sorted_want="$(tr ',' '\n' <<<"$want_attributes" | LC_ALL=C sort | paste -sd',' -)"
  expect_equal "$suffix: key attribute types" "$sorted_want" "$attributes"
  expect_equal "$suffix: billing mode" "PAY_PER_REQUEST" "$billing"
  expect_equal "$suffix: status" "ACTIVE" "$status"
done
# Idempotency records expire through TTL on the entries table; the other tables keep everything.
expect_equal "entries: time-to-live enabled on expiresAt" "ENABLED	expiresAt" \
  "$(ddb describe-time-to-live --table-name "${prefix}entries" \
    --query '[TimeToLiveDescription.TimeToLiveStatus, TimeToLiveDescription.AttributeName]')"
expect_equal "users: no time-to-live" "DISABLED" \
  "$(ddb describe-time-to-live --table-name "${prefix}users" --query 'TimeToLiveDescription.TimeToLiveStatus')"

# --- switchable settings ------------------------------------------------------------------------
if output="$(run_script --prefix "$flags_prefix" --sse --pitr --deletion-protection 2>&1)"; then
  pass "run with --sse --pitr --deletion-protection exits 0"
else
  fail "run with --sse --pitr --deletion-protection exits 0" "$output"
fi
table="${flags_prefix}entries"
expect_equal "--sse: table encrypted with KMS" "KMS" \
  "$(ddb describe-table --table-name "$table" --query 'Table.SSEDescription.SSEType')"
expect_equal "--pitr: point-in-time recovery enabled" "ENABLED" \
  "$(ddb describe-continuous-backups --table-name "$table" \
    --query 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus')"
expect_equal "--deletion-protection: protection enabled" "True" \
  "$(ddb describe-table --table-name "$table" --query 'Table.DeletionProtectionEnabled')"
if ddb delete-table --table-name "$table" >/dev/null 2>&1; then
  fail "a protected table cannot be deleted" "DeleteTable succeeded"
else
  pass "a protected table cannot be deleted"
fi

if output="$(run_script --prefix "$flags_prefix" --no-deletion-protection --no-pitr 2>&1)"; then
  pass "rerun with --no-deletion-protection --no-pitr exits 0"
else
  fail "rerun with --no-deletion-protection --no-pitr exits 0" "$output"
fi
expect_equal "--no-deletion-protection switches an existing table's protection off" "False" \
  "$(ddb describe-table --table-name "$table" --query 'Table.DeletionProtectionEnabled')"
expect_equal "--no-pitr switches an existing table's recovery off" "DISABLED" \
  "$(ddb describe-continuous-backups --table-name "$table" \
    --query 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus')"

# --- wrong schema -------------------------------------------------------------------------------
ddb create-table --table-name "${wrong_prefix}entries" \
  --attribute-definitions AttributeName=userId,AttributeType=S AttributeName=createdAt,AttributeType=N \
  --key-schema AttributeName=userId,KeyType=HASH AttributeName=createdAt,KeyType=RANGE \
  --billing-mode PAY_PER_REQUEST >/dev/null
ddb create-table --table-name "${wrong_prefix}users" \
  --attribute-definitions AttributeName=userId,AttributeType=N \
  --key-schema AttributeName=userId,KeyType=HASH \
  --billing-mode PAY_PER_REQUEST >/dev/null
stderr_file="$(mktemp)"
at_exit "rm -f '$stderr_file'"
if run_script --prefix "$wrong_prefix" >/dev/null 2>"$stderr_file"; then
  fail "a table with the wrong schema makes the script fail" "it exited 0"
else
  pass "a table with the wrong schema makes the script fail"
fi
errors="$(cat "$stderr_file")"
expect_contains "the error names the table" "table ${wrong_prefix}entries exists with a different key schema" "$errors"
expect_contains "the error says which sort key differs" "sort key is 'createdAt' (N), expected 'timestamp' (S)" \
  "$errors"
expect_contains "the error reports a wrong key type" "partition key 'userId' has type N, expected S" "$errors"
expect_contains "the error sums up the failures" "2 table(s) have the wrong key schema" "$errors"
expect_equal "the tables that did not exist are still created" "ACTIVE" \
  "$(ddb describe-table --table-name "${wrong_prefix}goals" --query 'Table.TableStatus')"

# --- usage errors -------------------------------------------------------------------------------
run_script --prefix "$prefix" --no-such-flag >/dev/null 2>&1
expect_equal "an unknown option exits 2" 2 "$?"
run_script --prefix 'bad prefix!' >/dev/null 2>&1
expect_equal "an invalid prefix exits 2" 2 "$?"
run_script --prefix "$prefix" --timeout soon >/dev/null 2>&1
expect_equal "a non-numeric --timeout exits 2" 2 "$?"

finish
