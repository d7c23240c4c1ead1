#!/usr/bin/env bash
# Deploys the zip built by infra/package.sh as the CarbonTrack Lambda function with the AWS CLI:
# creates the function the first time, afterwards updates its code and configuration.
#
# Prerequisites on the AWS side (each has a script or a command in docs/OPERATIONS.md):
#   1. The four DynamoDB tables:             infra/create-dynamodb-tables.sh --production
#   2. The execution role and its policy:    infra/setup-dynamodb-permissions.sh (prints the role ARN)
#   3. Credentials for the AWS CLI allowed to call lambda:GetFunction, lambda:CreateFunction,
#      lambda:UpdateFunctionCode, lambda:UpdateFunctionConfiguration, lambda:GetFunctionConfiguration,
#      iam:GetRole and iam:PassRole on the execution role (plus s3:PutObject with --s3-bucket).
#   4. A zip whose bootstrap starts on the chosen runtime: infra/package.sh. This script checks it again
#      (architecture, and every glibc import against the runtime's glibc) and refuses one that would not.
# The HTTP API and its JWT authorizer are not created here; infra/template.yaml (sam deploy) does both.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/deploy.sh [options]

Options:
  --function-name NAME   Lambda function name (default: carbontrack)
  --zip PATH             archive from infra/package.sh (default: dist/carbontrack-lambda.zip)
  --role-arn ARN         execution role (default: the ARN of role <function-name>-role, looked up in IAM)
  --runtime RUNTIME      provided.al2023 (default) or provided.al2
  --arch ARCH            x86_64 (default) or arm64; must match the binary in the zip
  --memory MB            memory size (default: 256)
  --timeout SECONDS      timeout (default: 10)
  --prefix PREFIX        CARBONTRACK_TABLE_PREFIX (default: $CARBONTRACK_TABLE_PREFIX or "carbontrack-")
  --auth-mode MODE       AUTH_MODE: required (default) or none
  --log-format FORMAT    JSON (default) or Text; Lambda passes it to the runtime as AWS_LAMBDA_LOG_FORMAT
  --log-level LEVEL      application log level for JSON logs: TRACE, DEBUG, INFO (default), WARN, ERROR, FATAL
  --s3-bucket BUCKET     upload the zip to this bucket first (needed above 50 MB)
  --region REGION        AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1)
  --endpoint-url URL     Lambda/IAM/S3 endpoint, for tests against a local server
  -h, --help             show this help
EOF
}

# shellcheck source-path=SCRIPTDIR source=lib/cli.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/cli.bash"
# shellcheck source-path=SCRIPTDIR source=lib/python-env.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/python-env.bash"
# shellcheck source-path=SCRIPTDIR source=lib/runtime-glibc.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/runtime-glibc.bash"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

function_name="carbontrack"
zip_path="$repo_root/dist/carbontrack-lambda.zip"
role_arn=""
runtime="provided.al2023"
arch="x86_64"
memory=256
timeout=10
prefix="${CARBONTRACK_TABLE_PREFIX:-carbontrack-}"
auth_mode="required"
log_format="JSON"
log_level="INFO"
s3_bucket=""
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
endpoint_url=""

while [[ $# -gt 0 ]]; do
  [[ "$1" == -h || "$1" == --help ]] && { usage; exit 0; }
  [[ $# -ge 2 ]] || usage_error "unknown option or missing value: $1"
  case "$1" in
    --function-name) function_name="$2" ;;
    --zip) zip_path="$2" ;;
    --role-arn) role_arn="$2" ;;
    --runtime) runtime="$2" ;;
    --arch) arch="$2" ;;
    --memory) memory="$2" ;;
    --timeout) timeout="$2" ;;
    --prefix) prefix="$2" ;;
    --auth-mode) auth_mode="$2" ;;
    --log-format) log_format="$2" ;;
    --log-level) log_level="$2" ;;
    --s3-bucket) s3_bucket="$2" ;;
    --region) region="$2" ;;
    --endpoint-url) endpoint_url="$2" ;;
    *) usage_error "unknown option: $1" ;;
  esac
  shift 2
done

[[ "$function_name" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || usage_error "--function-name must be 1-64 letters, digits, '_' or '-'"
[[ "$runtime" == provided.al2023 || "$runtime" == provided.al2 ]] ||
  usage_error "--runtime must be provided.al2023 or provided.al2"
[[ "$arch" == x86_64 || "$arch" == arm64 ]] || usage_error "--arch must be x86_64 or arm64"
if ! [[ "$memory" =~ ^[0-9]+$ ]] || ((memory < 128 || memory > 10240)); then
  usage_error "--memory must be a whole number from 128 to 10240"
fi
if ! [[ "$timeout" =~ ^[0-9]+$ ]] || ((timeout < 1 || timeout > 900)); then
  usage_error "--timeout must be a whole number of seconds from 1 to 900"
fi
[[ "$prefix" =~ ^[A-Za-z0-9_.-]+$ ]] || usage_error "--prefix may only contain letters, digits, '_', '.' and '-'"
[[ "$auth_mode" == required || "$auth_mode" == none ]] || usage_error "--auth-mode must be required or none"
[[ "$log_format" == JSON || "$log_format" == Text ]] || usage_error "--log-format must be JSON or Text"
[[ "$log_level" =~ ^(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)$ ]] || usage_error "--log-level is not a Lambda log level"
[[ -f "$zip_path" ]] || die "no archive at $zip_path; build it with infra/package.sh"
ensure_python_env || die "could not set up the Python tools in $python_env_dir (infra/requirements.txt)"
require_aws_cli

set_aws_args "$region" "$endpoint_url"
aws_cli() {
  aws "$@" "${aws_args[@]}"
}

# The zip must hold a bootstrap for the chosen architecture that can start on the chosen runtime's glibc;
# Lambda itself would accept either mistake and only fail at the first invoke (Runtime.ExitError).
ensure_commands unzip=unzip readelf=binutils || die "unzip and readelf (binutils) are needed to check the zip"
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
unzip -q "$zip_path" bootstrap -d "$check_dir" || die "$zip_path has no bootstrap at its root"
machine="$(readelf -h "$check_dir/bootstrap" | sed -n 's/^ *Machine: *//p')"
case "$arch:$machine" in
  x86_64:*X86-64* | arm64:*AArch64*) ;;
  *) die "the bootstrap in $zip_path is built for '$machine', not $arch; pass the matching --arch" ;;
esac
check_binary_for_runtime "$check_dir/bootstrap" "$runtime" >/dev/null ||
  die "the bootstrap in $zip_path cannot start on $runtime (above); rebuild the zip with infra/package.sh"

if [[ -z "$role_arn" ]]; then
  role_arn="$(aws_cli iam get-role --role-name "$function_name-role" --query Role.Arn 2>/dev/null)" ||
    die "no --role-arn given and role $function_name-role was not found; run infra/setup-dynamodb-permissions.sh"
fi

code_args=(--zip-file "fileb://$zip_path")
if [[ -n "$s3_bucket" ]]; then
  s3_key="$function_name/$(date -u +%Y%m%dT%H%M%SZ)-$(basename "$zip_path")"
  echo "uploading $zip_path to s3://$s3_bucket/$s3_key"
  aws_cli s3api put-object --bucket "$s3_bucket" --key "$s3_key" --body "$zip_path" >/dev/null
  code_args=(--s3-bucket "$s3_bucket" --s3-key "$s3_key")
fi

environment="Variables={CARBONTRACK_TABLE_PREFIX=$prefix,AUTH_MODE=$auth_mode}"
logging="LogFormat=$log_format"
if [[ "$log_format" == JSON ]]; then
  logging+=",ApplicationLogLevel=$log_level,SystemLogLevel=WARN"
fi
settings=(--role "$role_arn" --runtime "$runtime" --handler bootstrap --memory-size "$memory" --timeout "$timeout"
  --environment "$environment" --logging-config "$logging")

echo "function $function_name: $runtime, $arch, ${memory} MB, ${timeout} s, prefix '$prefix', region $region"
if existing="$(aws_cli lambda get-function --function-name "$function_name" --query Configuration.FunctionArn 2>&1)"; then
  echo "updating the code of $existing"
  aws_cli lambda update-function-code --function-name "$function_name" "${code_args[@]}" \
    --architectures "$arch" --query CodeSha256 >/dev/null
  aws_cli lambda wait function-updated-v2 --function-name "$function_name"
  echo "updating the configuration"
  aws_cli lambda update-function-configuration --function-name "$function_name" "${settings[@]}" \
    --query FunctionArn >/dev/null
  aws_cli lambda wait function-updated-v2 --function-name "$function_name"
elif [[ "$existing" == *ResourceNotFoundException* ]]; then
  echo "creating the function"
  aws_cli lambda create-function --function-name "$function_name" "${code_args[@]}" "${settings[@]}" \
    --architectures "$arch" --description "CarbonTrack (Swift custom runtime)" \
    --tags application=carbontrack --query FunctionArn >/dev/null
  aws_cli lambda wait function-active-v2 --function-name "$function_name"
else
  die "could not look up function $function_name: $existing"
fi

deployed_sha="$(aws_cli lambda get-function-configuration --function-name "$function_name" --query CodeSha256)"
if [[ -z "$s3_bucket" ]] && command -v openssl >/dev/null 2>&1; then
  local_sha="$(openssl dgst -sha256 -binary "$zip_path" | base64)"
  [[ "$deployed_sha" == "$local_sha" ]] ||
    die "Lambda reports CodeSha256 $deployed_sha but $zip_path has $local_sha; the upload did not take"
fi
echo "deployed: CodeSha256 $deployed_sha"
echo "self-test: aws lambda invoke --function-name $function_name --payload fileb://events/self-test.json out.json"
aws_cli lambda get-function-configuration --function-name "$function_name" --query FunctionArn
