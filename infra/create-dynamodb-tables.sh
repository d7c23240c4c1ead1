#!/usr/bin/env bash
# Creates (or verifies) the four CarbonTrack DynamoDB tables with the AWS CLI.
#
# Safe to run again: a table that already exists with the expected key schema is
# left alone (apart from the switchable settings below, which are brought in line),
# and a table whose keys differ is reported as an error naming the difference.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/create-dynamodb-tables.sh [options]

Creates the CarbonTrack tables <prefix>users, <prefix>entries, <prefix>goals and
<prefix>achievements (on-demand billing) and waits until each one is ACTIVE.

Options:
  --prefix PREFIX             table name prefix (default: $CARBONTRACK_TABLE_PREFIX or "carbontrack-")
  --region REGION             AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1)
  --endpoint-url URL          DynamoDB endpoint, e.g. a local server (default: the AWS endpoint)
  --sse | --no-sse            encrypt with the AWS managed KMS key aws/dynamodb instead of an
                              AWS owned key (data is encrypted at rest either way; default: --no-sse)
  --pitr | --no-pitr          point-in-time recovery (default: --no-pitr)
  --deletion-protection | --no-deletion-protection
                              refuse DeleteTable while enabled (default: --no-deletion-protection)
  --production                shorthand for --sse --pitr --deletion-protection
  --timeout SECONDS           how long to wait for each table to become ACTIVE (default: 300)
  -h, --help                  show this help

Settings given explicitly are also applied to tables that already exist.
Exit status: 0 when all four tables exist with the expected keys and are ACTIVE, 1 otherwise, 2 on bad usage.
EOF
}

# shellcheck source-path=SCRIPTDIR source=lib/cli.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/cli.bash"

prefix="${CARBONTRACK_TABLE_PREFIX:-carbontrack-}"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
endpoint_url=""
sse=""
pitr=""
deletion_protection=""
timeout_seconds=300

while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) [[ $# -ge 2 ]] || usage_error "--prefix needs a value"; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --region) [[ $# -ge 2 ]] || usage_error "--region needs a value"; region="$2"; shift 2 ;;
    --region=*) region="${1#*=}"; shift ;;
    --endpoint-url) [[ $# -ge 2 ]] || usage_error "--endpoint-url needs a value"; endpoint_url="$2"; shift 2 ;;
    --endpoint-url=*) endpoint_url="${1#*=}"; shift ;;
    --sse) sse=true; shift ;;
    --no-sse) sse=false; shift ;;
    --pitr) pitr=true; shift ;;
    --no-pitr) pitr=false; shift ;;
    --deletion-protection) deletion_protection=true; shift ;;
    --no-deletion-protection) deletion_protection=false; shift ;;
    --production) sse=true; pitr=true; deletion_protection=true; shift ;;
    --timeout) [[ $# -ge 2 ]] || usage_error "--timeout needs a value"; timeout_seconds="$2"; shift 2 ;;
    --timeout=*) timeout_seconds="${1#*=}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option: $1" ;;
  esac
done

[[ "$timeout_seconds" =~ ^[0-9]+$ ]] || usage_error "--timeout must be a whole number of seconds, got '$timeout_seconds'"
# DynamoDB table names: 3-255 characters of [a-zA-Z0-9_.-]; the longest suffix is "achievements".
[[ "$prefix" =~ ^[A-Za-z0-9_.-]*$ ]] || usage_error "--prefix may only contain letters, digits, '_', '.' and '-', got '$prefix'"
[[ ${#prefix} -le 243 ]] || usage_error "--prefix is too long (${#prefix} characters; at most 243)"
[[ -n "$region" ]] || usage_error "--region must not be empty"
require_aws_cli

set_aws_args "$region" "$endpoint_url"

ddb() {
  aws dynamodb "$@" "${aws_args[@]}"
}

# name suffix | partition key | sort key (empty for none) | TTL attribute (empty for none); every key attribute is
# a string (S). The entries table also holds the idempotency records, which expire through TTL on expiresAt.
table_specs=(
  "users|userId||"
  "entries|userId|timestamp|expiresAt"
  "goals|userId|goalId|"
  "achievements|userId|achievementId|"
)

# Prints a key attribute the way messages show it; $1 = attribute name or empty.
describe_key() {
  if [[ -z "$1" ]]; then
    echo "none"
  else
    echo "'$1' (S)"
  fi
}

# Every call asks for the same fields so that one call per step is enough (the AWS CLI takes most
# of a second to start): status, billing mode, deletion protection, SSE type, keys, key attributes.
# shellcheck disable=SC2016 # the backticks are JMESPath literals, not command substitutions
table_fields='[TableStatus, BillingModeSummary.BillingMode || `PROVISIONED`,
  DeletionProtectionEnabled || `false`, SSEDescription.SSEType || `NONE`,
  join(`,`, KeySchema[].join(`=`, [KeyType, AttributeName])),
  join(`,`, AttributeDefinitions[].join(`=`, [AttributeName, AttributeType]))]'

# Sets table_status, table_billing, table_protection (True/False), table_sse (KMS/NONE/...),
# table_keys ("HASH=a,RANGE=b") and table_attributes ("a=S,b=S") from one line of table_fields output.
parse_table() {
  IFS=$'\t' read -r table_status table_billing table_protection table_sse table_keys table_attributes <<<"$1"
}

# Reads table $1 into the table_* variables; table_status is MISSING when the table does not exist.
# Any failure other than "not found" aborts.
read_table() {
  local table="$1" output
  if output="$(ddb describe-table --table-name "$table" --query "Table.$table_fields" 2>&1)"; then
    parse_table "$output"
  elif [[ "$output" == *ResourceNotFoundException* ]]; then
    parse_table "MISSING"
  else
    die "could not describe table $table: $output"
  fi
}

# Runs update-table on table $1 with the remaining arguments and records the returned description.
update_table() {
  local table="$1" output
  shift
  output="$(ddb update-table --table-name "$table" "$@" --query "TableDescription.$table_fields")" ||
    die "could not update table $table (see the AWS CLI message above)"
  parse_table "$output"
}

# Compares the keys last read by read_table with the expected keys $1 (partition) and $2 (sort).
# Prints one line per difference; prints nothing when they match.
schema_differences() {
  local want_pk="$1" want_sk="$2" have_pk="" have_sk="" have_pk_type="" have_sk_type="" entry
  local -a entries
  IFS=',' read -r -a entries <<<"$table_keys"
  for entry in "${entries[@]}"; do
    case "$entry" in
      HASH=*) have_pk="${entry#HASH=}" ;;
      RANGE=*) have_sk="${entry#RANGE=}" ;;
    esac
  done
  IFS=',' read -r -a entries <<<"$table_attributes"
  for entry in "${entries[@]}"; do
    [[ -n "$have_pk" && "${entry%=*}" == "$have_pk" ]] && have_pk_type="${entry##*=}"
    [[ -n "$have_sk" && "${entry%=*}" == "$have_sk" ]] && have_sk_type="${entry##*=}"
  done

  if [[ "$have_pk" != "$want_pk" ]]; then
    echo "partition key is '$have_pk' ($have_pk_type), expected $(describe_key "$want_pk")"
  elif [[ "$have_pk_type" != "S" ]]; then
    echo "partition key '$have_pk' has type $have_pk_type, expected S"
  fi
  if [[ "$have_sk" != "$want_sk" ]]; then
    if [[ -z "$have_sk" ]]; then
      echo "sort key is missing, expected $(describe_key "$want_sk")"
    elif [[ -z "$want_sk" ]]; then
      echo "sort key is '$have_sk' ($have_sk_type), expected none"
    else
      echo "sort key is '$have_sk' ($have_sk_type), expected $(describe_key "$want_sk")"
    fi
  elif [[ -n "$have_sk" && "$have_sk_type" != "S" ]]; then
    echo "sort key '$have_sk' has type $have_sk_type, expected S"
  fi
}

# Waits until table $1 is ACTIVE, polling from the state last recorded in the table_* variables.
wait_until_active() {
  local table="$1" deadline
  deadline=$((SECONDS + timeout_seconds))
  while true; do
    case "$table_status" in
      ACTIVE) return 0 ;;
      CREATING | UPDATING) ;;
      *) die "table $table is $table_status; expected it to become ACTIVE" ;;
    esac
    if ((SECONDS >= deadline)); then
      die "table $table is still $table_status after ${timeout_seconds}s; rerun later or raise --timeout"
    fi
    sleep 2
    read_table "$table"
  done
}

create_table() {
  local table="$1" pk="$2" sk="$3"
  local output
  local -a attribute_definitions key_schema extra=()
  attribute_definitions=("AttributeName=$pk,AttributeType=S")
  key_schema=("AttributeName=$pk,KeyType=HASH")
  if [[ -n "$sk" ]]; then
    attribute_definitions+=("AttributeName=$sk,AttributeType=S")
    key_schema+=("AttributeName=$sk,KeyType=RANGE")
  fi
  if [[ "$sse" == true ]]; then
    extra+=(--sse-specification "Enabled=true,SSEType=KMS")
  fi
  if [[ "$deletion_protection" == true ]]; then
    extra+=(--deletion-protection-enabled)
  fi
  echo "creating table $table"
  output="$(ddb create-table \
    --table-name "$table" \
    --attribute-definitions "${attribute_definitions[@]}" \
    --key-schema "${key_schema[@]}" \
    --billing-mode PAY_PER_REQUEST \
    --tags Key=application,Value=carbontrack \
    "${extra[@]}" \
    --query "TableDescription.$table_fields")" || die "could not create table $table (see the AWS CLI message above)"
  parse_table "$output"
}

# Turns on time-to-live on attribute $2 of table $1 unless it already is (TTL is always wanted where named).
ensure_ttl() {
  local table="$1" attribute="$2" current
  current="$(ddb describe-time-to-live --table-name "$table" \
    --query '[TimeToLiveDescription.TimeToLiveStatus, TimeToLiveDescription.AttributeName]')"
  if [[ "$current" != "ENABLED	$attribute" && "$current" != "ENABLING	$attribute" ]]; then
    echo "table $table: enabling time-to-live on $attribute"
    ddb update-time-to-live --table-name "$table" \
      --time-to-live-specification "Enabled=true,AttributeName=$attribute" >/dev/null
  fi
}

# Brings the switchable settings of ACTIVE table $1 in line with the flags that were given,
# starting from the description last read by read_table.
apply_settings() {
  local table="$1" current
  if [[ -n "$deletion_protection" ]]; then
    local want=False
    [[ "$deletion_protection" == true ]] && want=True
    if [[ "$table_protection" != "$want" ]]; then
      echo "table $table: setting deletion protection to $deletion_protection"
      if [[ "$deletion_protection" == true ]]; then
        update_table "$table" --deletion-protection-enabled
      else
        update_table "$table" --no-deletion-protection-enabled
      fi
      wait_until_active "$table"
    fi
  fi
  if [[ -n "$sse" ]]; then
    if [[ "$sse" == true && "$table_sse" != "KMS" ]] || [[ "$sse" == false && "$table_sse" == "KMS" ]]; then
      echo "table $table: setting KMS encryption to $sse"
      local spec="Enabled=false"
      [[ "$sse" == true ]] && spec="Enabled=true,SSEType=KMS"
      update_table "$table" --sse-specification "$spec"
      wait_until_active "$table"
    fi
  fi
  if [[ -n "$pitr" ]]; then
    current="$(ddb describe-continuous-backups --table-name "$table" \
      --query 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus')"
    if [[ "$pitr" == true && "$current" != "ENABLED" ]] || [[ "$pitr" == false && "$current" == "ENABLED" ]]; then
      echo "table $table: setting point-in-time recovery to $pitr"
      ddb update-continuous-backups --table-name "$table" \
        --point-in-time-recovery-specification "PointInTimeRecoveryEnabled=$pitr" >/dev/null
    fi
  fi
}

echo "region $region, prefix '$prefix'${endpoint_url:+, endpoint $endpoint_url}"
failures=0
for spec in "${table_specs[@]}"; do
  IFS='|' read -r suffix pk sk ttl_attribute <<<"$spec"
  table="${prefix}${suffix}"
  read_table "$table"
  case "$table_status" in
    MISSING) create_table "$table" "$pk" "$sk" ;;
    DELETING) die "table $table is being deleted; wait until it is gone and rerun" ;;
    *) echo "table $table already exists ($table_status), checking its key schema" ;;
  esac
  wait_until_active "$table"
  differences="$(schema_differences "$pk" "$sk")"
  if [[ -n "$differences" ]]; then
    echo "error: table $table exists with a different key schema:" >&2
    while IFS= read -r line; do
      echo "  - $line" >&2
    done <<<"$differences"
    echo "  Delete or rename that table, or choose another --prefix." >&2
    failures=$((failures + 1))
    continue
  fi
  if [[ "$table_billing" != "PAY_PER_REQUEST" ]]; then
    echo "warning: table $table uses billing mode $table_billing, not PAY_PER_REQUEST; left unchanged" >&2
  fi
  apply_settings "$table"
  if [[ -n "$ttl_attribute" ]]; then
    ensure_ttl "$table" "$ttl_attribute"
  fi
  echo "table $table is ACTIVE with the expected keys"
done

if ((failures > 0)); then
  die "$failures table(s) have the wrong key schema"
fi
echo "all four tables are ready"
