#!/usr/bin/env bash
# Creates or updates the Lambda execution role of the CarbonTrack function and its least-privilege
# policy (infra/iam-policy.json, with the region, account, table prefix and function name filled in).
#
# Safe to run again: an unchanged policy is left alone, a changed one becomes the new default
# version (the oldest non-default version is deleted when IAM's limit of five is reached), the
# role's trust policy is rewritten and the policy attachment is a no-op when already present.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/setup-dynamodb-permissions.sh [options]

Options:
  --prefix PREFIX          table name prefix (default: $CARBONTRACK_TABLE_PREFIX or "carbontrack-")
  --function-name NAME     Lambda function name, for its log group (default: carbontrack)
  --role-name NAME         execution role to create or update (default: <function-name>-role)
  --policy-name NAME       customer managed policy to create or update (default: <function-name>-access)
  --region REGION          region of the tables and logs (default: $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1)
  --account-id ID          12-digit account id (default: asked from STS GetCallerIdentity)
  --endpoint-url URL       IAM/STS endpoint, for tests against a local server
  --print-policy           print the rendered policy and exit without changing anything
  -h, --help               show this help

Requires the AWS CLI and python3 (to compare policy documents), and permission to call
iam:GetRole, iam:CreateRole, iam:UpdateAssumeRolePolicy, iam:AttachRolePolicy, iam:GetPolicy,
iam:CreatePolicy, iam:GetPolicyVersion, iam:ListPolicyVersions, iam:CreatePolicyVersion,
iam:DeletePolicyVersion and sts:GetCallerIdentity.
Prints the role ARN on the last line of its output.
EOF
}

# shellcheck source-path=SCRIPTDIR source=lib/cli.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/cli.bash"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
policy_template="$script_dir/iam-policy.json"
trust_policy="$script_dir/lambda-trust-policy.json"

prefix="${CARBONTRACK_TABLE_PREFIX:-carbontrack-}"
function_name="carbontrack"
role_name=""
policy_name=""
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
account_id=""
endpoint_url=""
print_only=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix | --function-name | --role-name | --policy-name | --region | --account-id | --endpoint-url)
      [[ $# -ge 2 ]] || usage_error "$1 needs a value"
      case "$1" in
        --prefix) prefix="$2" ;;
        --function-name) function_name="$2" ;;
        --role-name) role_name="$2" ;;
        --policy-name) policy_name="$2" ;;
        --region) region="$2" ;;
        --account-id) account_id="$2" ;;
        --endpoint-url) endpoint_url="$2" ;;
      esac
      shift 2
      ;;
    --print-policy) print_only=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option: $1" ;;
  esac
done

role_name="${role_name:-$function_name-role}"
policy_name="${policy_name:-$function_name-access}"

# These values are substituted into ARNs, so they are checked against the characters AWS allows.
[[ "$prefix" =~ ^[A-Za-z0-9_.-]+$ ]] ||
  usage_error "--prefix must be non-empty and only contain letters, digits, '_', '.' and '-', got '$prefix'"
[[ "$function_name" =~ ^[A-Za-z0-9_-]{1,64}$ ]] ||
  usage_error "--function-name must be 1-64 letters, digits, '_' or '-', got '$function_name'"
[[ "$role_name" =~ ^[A-Za-z0-9+=,.@_-]{1,64}$ ]] || usage_error "--role-name is not a valid IAM role name: '$role_name'"
[[ "$policy_name" =~ ^[A-Za-z0-9+=,.@_-]{1,128}$ ]] ||
  usage_error "--policy-name is not a valid IAM policy name: '$policy_name'"
[[ "$region" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || usage_error "--region does not look like an AWS region: '$region'"
[[ -z "$account_id" || "$account_id" =~ ^[0-9]{12}$ ]] || usage_error "--account-id must be 12 digits, got '$account_id'"
[[ -f "$policy_template" ]] || die "policy template not found: $policy_template"
[[ -f "$trust_policy" ]] || die "trust policy not found: $trust_policy"

aws_args=(--region "$region")
if [[ -n "$endpoint_url" ]]; then
  aws_args+=(--endpoint-url "$endpoint_url")
fi

# aws_cli SERVICE COMMAND ARGS...: text output; aws_json: JSON output.
aws_cli() {
  aws "$@" "${aws_args[@]}" --output text
}

aws_json() {
  aws "$@" "${aws_args[@]}" --output json
}

if [[ -z "$account_id" ]]; then
  command -v aws >/dev/null 2>&1 || die "the AWS CLI ('aws') is not on PATH; install it or pass --account-id with --print-policy"
  account_id="$(aws_cli sts get-caller-identity --query Account)" ||
    die "could not determine the account id; check your AWS credentials or pass --account-id"
fi

# Every value was validated above, so none of them contains a character sed treats specially.
render_policy() {
  sed -e "s|{{REGION}}|$region|g" \
    -e "s|{{ACCOUNT_ID}}|$account_id|g" \
    -e "s|{{TABLE_PREFIX}}|$prefix|g" \
    -e "s|{{FUNCTION_NAME}}|$function_name|g" \
    "$policy_template"
}

rendered="$(render_policy)"
if [[ "$rendered" == *"{{"* ]]; then
  die "the policy template has a placeholder this script does not fill in: $(grep -o '{{[A-Z_]*}}' <<<"$rendered" | head -1)"
fi
if [[ "$print_only" == true ]]; then
  echo "$rendered"
  exit 0
fi

require_aws_cli
command -v python3 >/dev/null 2>&1 || die "python3 is needed to compare policy documents; install it and retry"

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
echo "$rendered" >"$work_dir/policy.json"

# Exits 0 when the two JSON documents given as files are equal once parsed.
same_json() {
  python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1]) as a, open(sys.argv[2]) as b:
    sys.exit(0 if json.load(a) == json.load(b) else 1)
PY
}

# Runs an AWS CLI command that fails when something does not exist. Prints its output and returns
# 0 on success, returns 3 on NoSuchEntity, prints the error and returns 1 on anything else.
# (It runs in a command substitution, where die could not stop the script.)
lookup() {
  local output
  if output="$("$@" 2>&1)"; then
    echo "$output"
    return 0
  fi
  if [[ "$output" == *NoSuchEntity* ]]; then
    return 3
  fi
  echo "error: $* failed: $output" >&2
  return 1
}

policy_arn="arn:aws:iam::$account_id:policy/$policy_name"
echo "account $account_id, region $region, prefix '$prefix', function $function_name"

# --- the managed policy ---------------------------------------------------------------------------
if default_version="$(lookup aws_cli iam get-policy --policy-arn "$policy_arn" --query Policy.DefaultVersionId)"; then
  aws_json iam get-policy-version --policy-arn "$policy_arn" --version-id "$default_version" \
    --query PolicyVersion.Document >"$work_dir/current.json"
  if same_json "$work_dir/current.json" "$work_dir/policy.json"; then
    echo "policy $policy_name is up to date ($default_version)"
  else
    versions="$(aws_cli iam list-policy-versions --policy-arn "$policy_arn" \
      --query 'sort_by(Versions[?!IsDefaultVersion], &CreateDate)[].VersionId')"
    read -r -a old_versions <<<"$versions"
    # IAM keeps at most five versions; make room by dropping the oldest non-default one.
    if ((${#old_versions[@]} >= 4)); then
      echo "policy $policy_name: deleting its oldest version ${old_versions[0]} to stay within five versions"
      aws_cli iam delete-policy-version --policy-arn "$policy_arn" --version-id "${old_versions[0]}" >/dev/null
    fi
    new_version="$(aws_cli iam create-policy-version --policy-arn "$policy_arn" \
      --policy-document "file://$work_dir/policy.json" --set-as-default --query PolicyVersion.VersionId)"
    echo "policy $policy_name updated: $default_version -> $new_version"
  fi
else
  (($? == 3)) || exit 1
  aws_cli iam create-policy --policy-name "$policy_name" \
    --policy-document "file://$work_dir/policy.json" \
    --description "CarbonTrack function: items of the $prefix* DynamoDB tables and its own log group" \
    --query Policy.Arn >/dev/null
  echo "policy $policy_name created"
fi

# --- the execution role ---------------------------------------------------------------------------
if role_arn="$(lookup aws_cli iam get-role --role-name "$role_name" --query Role.Arn)"; then
  aws_cli iam update-assume-role-policy --role-name "$role_name" --policy-document "file://$trust_policy" >/dev/null
  echo "role $role_name exists; trust policy refreshed"
else
  (($? == 3)) || exit 1
  role_arn="$(aws_cli iam create-role --role-name "$role_name" \
    --assume-role-policy-document "file://$trust_policy" \
    --description "Execution role of the $function_name Lambda function" \
    --query Role.Arn)"
  echo "role $role_name created"
fi
aws_cli iam attach-role-policy --role-name "$role_name" --policy-arn "$policy_arn" >/dev/null
echo "policy $policy_name is attached to role $role_name"
echo "$role_arn"
