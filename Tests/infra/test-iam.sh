#!/usr/bin/env bash
# Tests infra/iam-policy.json and infra/setup-dynamodb-permissions.sh.
#
# 1. Static checks of the policy file: only the DynamoDB actions the function uses, every DynamoDB
#    resource scoped to the table prefix (and its indexes), logs scoped to the function's log group.
# 2. The setup script against moto's IAM API: role, trust policy, managed policy, attachment,
#    idempotency and policy updates.
# 3. Real authorization with moto's IAM enforcement on, on a private moto server (enforcement is
#    server-wide and would break every test sharing the harness's server): an IAM user holding the
#    policy's actions signs requests with its own key (the AWS CLI signs with SigV4), may do every
#    operation the app uses and is denied (AccessDenied) everything else.
#    moto authorizes every DynamoDB call against the resource "*", so that user receives the
#    policy's statements with "*" resources; the resource scoping itself is covered by part 1.
#    Finally the app's own ten-step self-test runs as that user (`carbontrack invoke`), which proves
#    the policy is enough for every store operation and that moto accepts the project's SigV4 signatures.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool aws
require_tool curl
require_tool python3
require_tool moto_server

policy_file="$repo_root/infra/iam-policy.json"
setup_script="$repo_root/infra/setup-dynamodb-permissions.sh"
tables_script="$repo_root/infra/create-dynamodb-tables.sh"

# --- 1. static checks of the policy file ---------------------------------------------------------
# Prints one "ok<TAB>description" or "FAIL<TAB>description<TAB>details" line per check.
policy_checks() {
  python3 - "$1" "$2" "$3" "$4" "$5" "$app_actions" <<'PY'
import json, re, sys

path, region, account, prefix, function, app_actions = sys.argv[1:7]
results = []

def check(description, condition, details=""):
    results.append(("ok" if condition else "FAIL", description, details))

try:
    with open(path) as f:
        policy = json.load(f)
except (OSError, ValueError) as error:
    print(f"FAIL\t{path} is valid JSON\t{error}")
    sys.exit(0)

check("policy version is 2012-10-17", policy.get("Version") == "2012-10-17", policy.get("Version"))
statements = policy.get("Statement", [])
if isinstance(statements, dict):
    statements = [statements]
check("policy has statements", len(statements) > 0)

def as_list(value):
    return value if isinstance(value, list) else [value]

forbidden_keys = {"NotAction", "NotResource", "Principal", "NotPrincipal"}
check("every statement allows (no Deny needed, no NotAction/NotResource/Principal)",
      all(s.get("Effect") == "Allow" and not forbidden_keys & set(s) for s in statements))

actions = [a for s in statements for a in as_list(s.get("Action", []))]
check("no wildcard actions", not any("*" in a for a in actions), ", ".join(a for a in actions if "*" in a))
services = sorted({a.split(":")[0] for a in actions})
check("only dynamodb and logs actions", services == ["dynamodb", "logs"], ", ".join(services))

expected_dynamodb = set(app_actions.split(","))
granted_dynamodb = {a.split(":", 1)[1] for a in actions if a.startswith("dynamodb:")}
check("DynamoDB actions are exactly those the CarbonTrack code calls",
      granted_dynamodb == expected_dynamodb,
      f"extra: {sorted(granted_dynamodb - expected_dynamodb)}, missing: {sorted(expected_dynamodb - granted_dynamodb)}")
check("no table administration or Scan (CreateTable, DeleteTable, ListTables, UpdateTable, Scan)",
      not granted_dynamodb & {"CreateTable", "DeleteTable", "ListTables", "UpdateTable", "Scan"})
expected_logs = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}
check("logs actions are exactly CreateLogGroup, CreateLogStream, PutLogEvents",
      {a for a in actions if a.startswith("logs:")} == expected_logs)

table = re.escape(f"arn:aws:dynamodb:{region}:{account}:table/{prefix}") + r"\*"
table_pattern = re.compile(f"^{table}$")
index_pattern = re.compile(f"^{table}/index/\\*$")
log_group = re.escape(f"arn:aws:logs:{region}:{account}:log-group:/aws/lambda/{function}")
log_pattern = re.compile(f"^{log_group}(:\\*|:log-stream:\\*)?$")

bad_dynamodb, bad_logs, query_resources = [], [], []
for statement in statements:
    resources = as_list(statement.get("Resource", []))
    statement_actions = as_list(statement.get("Action", []))
    for resource in resources:
        if any(a.startswith("dynamodb:") for a in statement_actions):
            if not (table_pattern.match(resource) or index_pattern.match(resource)):
                bad_dynamodb.append(resource)
        if any(a.startswith("logs:") for a in statement_actions):
            if not log_pattern.match(resource):
                bad_logs.append(resource)
    if "dynamodb:Query" in statement_actions:
        query_resources += resources
    if any(a.startswith("dynamodb:") for a in statement_actions) and any(
        a.startswith("logs:") for a in statement_actions
    ):
        bad_dynamodb.append("a statement mixes dynamodb and logs actions")

all_resources = [r for s in statements for r in as_list(s.get("Resource", []))]
check("no resource is '*' or account-wide",
      not any(r == "*" or r.endswith(":*:*") or ":*:" in r or r.endswith(":table/*") for r in all_resources),
      ", ".join(all_resources))
check("every DynamoDB resource is a table/<prefix>* ARN or its indexes", not bad_dynamodb, ", ".join(bad_dynamodb))
check("Query covers the tables and their indexes",
      any(table_pattern.match(r) for r in query_resources) and any(index_pattern.match(r) for r in query_resources),
      ", ".join(query_resources))
check("item actions do not reach indexes",
      all(not index_pattern.match(r) for s in statements for r in as_list(s.get("Resource", []))
          if set(as_list(s.get("Action", []))) - {"dynamodb:Query"}),
      "an index ARN is granted to an action other than Query")
check("logs resources are the function's own log group", not bad_logs, ", ".join(bad_logs))

for status, description, details in results:
    print(f"{status}\t{description}\t{details}")
PY
}

record_python_checks() {
  local label="$1" status description details
  while IFS=$'\t' read -r status description details; do
    if [[ "$status" == ok ]]; then
      pass "$label: $description"
    else
      fail "$label: $description" "$details"
    fi
  done
}

# The IAM actions behind every DynamoDB call in Sources/CarbonTrack. Table administration (used only by
# the `carbontrack tables` developer command with an operator's credentials) must not be granted.
derived="$(python3 - "$repo_root/Sources/CarbonTrack" <<'PY'
import pathlib, re, sys

root = pathlib.Path(sys.argv[1])
files = sorted(root.rglob("*.swift"))
if not files:
    print(f"FAIL\tno Swift sources under {root}")
    sys.exit(0)
operation_actions = {
    "getItem": {"GetItem"}, "putItem": {"PutItem"}, "updateItem": {"UpdateItem"}, "deleteItem": {"DeleteItem"},
    "query": {"Query"}, "queryPaginator": {"Query"}, "scan": {"Scan"}, "scanPaginator": {"Scan"},
    "batchGetItem": {"BatchGetItem"}, "batchWriteItem": {"BatchWriteItem"}, "describeTable": {"DescribeTable"},
    "transactGetItems": {"GetItem"}, "transactWriteItems": set(),  # authorized through the items inside
    "shutdown": set(),
}
administration = {"createTable", "deleteTable", "listTables", "updateTable", "updateTimeToLive",
                  "waitUntilTableActive"}
transact_kinds = {"put": "PutItem", "update": "UpdateItem", "delete": "DeleteItem",
                  "conditionCheck": "ConditionCheckItem"}
needed, unknown = set(), set()
for file in files:
    text = file.read_text()
    for operation in re.findall(r"\bclient\.([A-Za-z]+)\(", text):
        if operation in administration:
            continue
        if operation not in operation_actions:
            unknown.add(f"{file.name}: client.{operation}")
        needed |= operation_actions.get(operation, set())
    for kind in re.findall(r"\bTransactWriteItem\.([A-Za-z]+)\(", text):
        needed.add(transact_kinds.get(kind, f"unknown TransactWriteItem.{kind}"))
    if re.search(r"\bBatchWriter\(", text):
        needed.add("BatchWriteItem")
if unknown:
    print("FAIL\tunmapped DynamoDB calls (add them to Tests/infra/test-iam.sh): " + ", ".join(sorted(unknown)))
elif not needed:
    print("FAIL\tno DynamoDB calls found in Sources/CarbonTrack")
else:
    print("ok\t" + ",".join(sorted(needed)))
PY
)"
IFS=$'\t' read -r derived_status app_actions <<<"$derived"
if [[ "$derived_status" == ok ]]; then
  pass "the DynamoDB actions of Sources/CarbonTrack are known: $app_actions"
else
  fail "the DynamoDB actions of Sources/CarbonTrack are known" "$app_actions"
  app_actions="(unknown)"
fi

check_output="$(policy_checks "$policy_file" "{{REGION}}" "{{ACCOUNT_ID}}" "{{TABLE_PREFIX}}" "{{FUNCTION_NAME}}")"
record_python_checks "iam-policy.json" <<<"$check_output"

rendered_file="$(mktemp)"
at_exit "rm -f '$rendered_file'"
if "$setup_script" --print-policy --account-id 111122223333 --region eu-west-2 --prefix acme- \
  --function-name acme-fn >"$rendered_file" 2>&1; then
  pass "--print-policy renders the template without calling AWS"
  check_output="$(policy_checks "$rendered_file" eu-west-2 111122223333 acme- acme-fn)"
  record_python_checks "rendered policy" <<<"$check_output"
  if grep -q '{{' "$rendered_file"; then
    fail "rendered policy has no placeholders left" "$(grep '{{' "$rendered_file")"
  else
    pass "rendered policy has no placeholders left"
  fi
else
  fail "--print-policy renders the template without calling AWS" "$(cat "$rendered_file")"
fi
"$setup_script" --print-policy --account-id 111122223333 --prefix 'x*' >/dev/null 2>&1
expect_equal "a prefix containing '*' is refused (exit 2)" 2 "$?"
"$setup_script" --print-policy --account-id 12345 >/dev/null 2>&1
expect_equal "a malformed account id is refused (exit 2)" 2 "$?"

# --- 2. the setup script against moto's IAM API --------------------------------------------------
start_private_moto
endpoint="$private_moto_endpoint"
run_id="$$-$RANDOM"
prefix="it-iam-$run_id-"
function_name="it-fn-$run_id"
role_name="$function_name-role"
policy_name="$function_name-access"
account_id=123456789012
policy_arn="arn:aws:iam::$account_id:policy/$policy_name"

aws_local() {
  aws "$@" --endpoint-url "$endpoint" --region "$AWS_REGION" --output text
}

run_setup() {
  "$setup_script" --endpoint-url "$endpoint" --region "$AWS_REGION" --prefix "$prefix" \
    --function-name "$function_name"
}

if output="$(run_setup 2>&1)"; then
  pass "setup script creates the role and policy (exit 0)"
else
  fail "setup script creates the role and policy (exit 0)" "$output"
fi
expect_equal "setup script prints the role ARN last" "arn:aws:iam::$account_id:role/$role_name" "$(tail -n 1 <<<"$output")"
expect_equal "the policy is attached to the role" "$policy_arn" \
  "$(aws_local iam list-attached-role-policies --role-name "$role_name" --query 'AttachedPolicies[].PolicyArn')"
expect_equal "the role trusts lambda.amazonaws.com" "lambda.amazonaws.com" \
  "$(aws_local iam get-role --role-name "$role_name" \
    --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Service')"

stored_file="$(mktemp)"
at_exit "rm -f '$stored_file'"
aws iam get-policy-version --policy-arn "$policy_arn" --version-id v1 --endpoint-url "$endpoint" \
  --region "$AWS_REGION" --output json --query PolicyVersion.Document >"$stored_file" 2>&1
check_output="$(policy_checks "$stored_file" "$AWS_REGION" "$account_id" "$prefix" "$function_name")"
record_python_checks "policy stored in IAM" <<<"$check_output"

if output="$(run_setup 2>&1)"; then
  pass "second run exits 0 (idempotent)"
else
  fail "second run exits 0 (idempotent)" "$output"
fi
expect_contains "second run leaves the unchanged policy alone" "is up to date (v1)" "$output"
expect_equal "second run creates no policy version" "v1" \
  "$(aws_local iam list-policy-versions --policy-arn "$policy_arn" --query 'Versions[].VersionId')"
expect_equal "second run attaches the policy only once" 1 \
  "$(aws_local iam list-attached-role-policies --role-name "$role_name" --query 'length(AttachedPolicies)')"

if output="$("$setup_script" --endpoint-url "$endpoint" --region "$AWS_REGION" --prefix "other-$prefix" \
  --function-name "$function_name" 2>&1)"; then
  pass "a changed prefix updates the policy (exit 0)"
else
  fail "a changed prefix updates the policy (exit 0)" "$output"
fi
expect_equal "the updated policy is the new default version" "v2" \
  "$(aws_local iam get-policy --policy-arn "$policy_arn" --query Policy.DefaultVersionId)"
expect_contains "the new version names the new prefix" "table/other-$prefix*" \
  "$(aws iam get-policy-version --policy-arn "$policy_arn" --version-id v2 --endpoint-url "$endpoint" \
    --region "$AWS_REGION" --output json --query PolicyVersion.Document)"
run_setup >/dev/null 2>&1
expect_equal "rerunning with the first prefix restores it as a third version" "v3" \
  "$(aws_local iam get-policy --policy-arn "$policy_arn" --query Policy.DefaultVersionId)"

# --- 3. authorization with IAM enforcement on ---------------------------------------------------
if output="$("$tables_script" --endpoint-url "$endpoint" --region "$AWS_REGION" --prefix "$prefix" 2>&1)"; then
  pass "tables for the authorization checks exist"
else
  fail "tables for the authorization checks exist" "$output"
fi

# The policy's statements as moto can evaluate them: every Resource becomes "*", and because real
# IAM authorizes TransactWriteItems through the item actions inside it while moto asks for an action
# named after the operation, that name is added when the policy grants the item actions it needs.
moto_policy_file="$(mktemp)"
at_exit "rm -f '$moto_policy_file'"
python3 - "$policy_file" >"$moto_policy_file" <<'PY'
import json, sys

with open(sys.argv[1]) as f:
    policy = json.load(f)
granted = set()
for statement in policy["Statement"]:
    statement["Resource"] = "*"
    actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
    granted.update(actions)
if {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"} <= granted:
    policy["Statement"].append(
        {"Effect": "Allow", "Action": "dynamodb:TransactWriteItems", "Resource": "*"}
    )
json.dump(policy, sys.stdout)
PY

app_user="it-app-$run_id"
stranger="it-stranger-$run_id"
aws_local iam create-user --user-name "$app_user" >/dev/null
aws_local iam create-user --user-name "$stranger" >/dev/null
aws_local iam put-user-policy --user-name "$app_user" --policy-name carbontrack-actions \
  --policy-document "file://$moto_policy_file" >/dev/null
read -r app_key app_secret <<<"$(aws_local iam create-access-key --user-name "$app_user" \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')"
read -r stranger_key stranger_secret <<<"$(aws_local iam create-access-key --user-name "$stranger" \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')"
if [[ -z "${app_key:-}" || -z "${app_secret:-}" || -z "${stranger_key:-}" ]]; then
  fail "IAM users and access keys are created" "app key: '${app_key:-}', stranger key: '${stranger_key:-}'"
  finish
fi
pass "IAM users and access keys are created"

reset_output="$(curl -fsS -X POST -H 'Content-Type: text/plain' --data 0 "$endpoint/moto-api/reset-auth" 2>&1)"
expect_contains "IAM enforcement is switched on" '"status": "ok"' "$reset_output"

# as_user KEY SECRET dynamodb-command args...: runs one DynamoDB call signed with that identity.
as_user() {
  local key="$1" secret="$2"
  shift 2
  AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="" \
    aws dynamodb "$@" --endpoint-url "$endpoint" --region "$AWS_REGION" --output text
}

expect_allowed() {
  local description="$1" output
  shift
  if output="$(as_user "$app_key" "$app_secret" "$@" 2>&1)"; then
    pass "allowed: $description"
  else
    fail "allowed: $description" "$output"
  fi
}

# expect_denied "description" expected-error-code key secret command...
expect_denied() {
  local description="$1" code="$2" output
  shift 2
  if output="$(as_user "$@" 2>&1)"; then
    fail "denied: $description" "the call succeeded: $output"
  elif [[ "$output" == *"$code"* ]]; then
    pass "denied: $description"
  else
    fail "denied: $description" "expected $code, got: $output"
  fi
}

users="${prefix}users"
entries="${prefix}entries"
goals="${prefix}goals"
achievements="${prefix}achievements"
expect_denied "the unregistered 'testing' key is rejected once enforcement is on" InvalidClientTokenId \
  testing testing list-tables

expect_allowed "DescribeTable" describe-table --table-name "$users" --query Table.TableStatus
expect_allowed "PutItem" put-item --table-name "$users" --item '{"userId": {"S": "u-1"}, "name": {"S": "Ada"}}'
expect_allowed "GetItem" get-item --table-name "$users" --key '{"userId": {"S": "u-1"}}'
expect_allowed "UpdateItem" update-item --table-name "$users" --key '{"userId": {"S": "u-1"}}' \
  --update-expression 'SET #n = :n' --expression-attribute-names '{"#n": "name"}' \
  --expression-attribute-values '{":n": {"S": "Ada L."}}'
expect_allowed "BatchWriteItem" batch-write-item --request-items "{\"$entries\": [
  {\"PutRequest\": {\"Item\": {\"userId\": {\"S\": \"u-1\"}, \"timestamp\": {\"S\": \"2026-01-01T00:00:00.000Z#a\"}}}},
  {\"PutRequest\": {\"Item\": {\"userId\": {\"S\": \"u-1\"}, \"timestamp\": {\"S\": \"2026-01-02T00:00:00.000Z#b\"}}}}]}"
expect_allowed "Query" query --table-name "$entries" --key-condition-expression 'userId = :u AND begins_with(#t, :p)' \
  --expression-attribute-names '{"#t": "timestamp"}' \
  --expression-attribute-values '{":u": {"S": "u-1"}, ":p": {"S": "2026-01"}}'
expect_allowed "TransactWriteItems (ConditionCheck + Put + Update + Delete)" transact-write-items --transact-items "[
  {\"ConditionCheck\": {\"TableName\": \"$entries\",
    \"Key\": {\"userId\": {\"S\": \"u-1\"}, \"timestamp\": {\"S\": \"2026-01-01T00:00:00.000Z#a\"}},
    \"ConditionExpression\": \"attribute_exists(userId)\"}},
  {\"Put\": {\"TableName\": \"$goals\", \"Item\": {\"userId\": {\"S\": \"u-1\"}, \"goalId\": {\"S\": \"g-1\"}}}},
  {\"Update\": {\"TableName\": \"$users\", \"Key\": {\"userId\": {\"S\": \"u-1\"}},
    \"UpdateExpression\": \"SET goals = :g\", \"ExpressionAttributeValues\": {\":g\": {\"N\": \"1\"}}}},
  {\"Delete\": {\"TableName\": \"$achievements\", \"Key\": {\"userId\": {\"S\": \"u-1\"}, \"achievementId\": {\"S\": \"none\"}}}}]"
expect_allowed "DeleteItem" delete-item --table-name "$goals" --key '{"userId": {"S": "u-1"}, "goalId": {"S": "g-1"}}'

expect_denied "DeleteTable" AccessDenied "$app_key" "$app_secret" delete-table --table-name "$users"
expect_denied "CreateTable" AccessDenied "$app_key" "$app_secret" create-table --table-name "${prefix}extra" \
  --attribute-definitions AttributeName=k,AttributeType=S --key-schema AttributeName=k,KeyType=HASH \
  --billing-mode PAY_PER_REQUEST
expect_denied "ListTables" AccessDenied "$app_key" "$app_secret" list-tables
expect_denied "UpdateTable" AccessDenied "$app_key" "$app_secret" update-table --table-name "$users" \
  --deletion-protection-enabled
expect_denied "Scan" AccessDenied "$app_key" "$app_secret" scan --table-name "$users"
expect_denied "BatchGetItem (the code does not use it)" AccessDenied "$app_key" "$app_secret" batch-get-item \
  --request-items "{\"$users\": {\"Keys\": [{\"userId\": {\"S\": \"u-1\"}}]}}"
expect_denied "a request signed with the wrong secret" SignatureDoesNotMatch "$app_key" "not-the-secret" \
  get-item --table-name "$users" --key '{"userId": {"S": "u-1"}}'
expect_denied "PutItem for a user without the policy" AccessDenied "$stranger_key" "$stranger_secret" \
  put-item --table-name "$users" --item '{"userId": {"S": "u-2"}}'


# The whole application under the policy: the in-process self-test (ten steps, every store operation)
# signs with the app user's key through the project's own SigV4 signer and DynamoDB client.
cli="$(find_carbontrack_cli)"
self_test_event="$repo_root/events/self-test.json"
if [[ -n "$cli" && -f "$self_test_event" ]]; then
  response="$(AWS_ACCESS_KEY_ID="$app_key" AWS_SECRET_ACCESS_KEY="$app_secret" AWS_SESSION_TOKEN="" \
    CARBONTRACK_TABLE_PREFIX="$prefix" DYNAMODB_ENDPOINT="$endpoint" timeout 120 \
    "$cli" invoke "$self_test_event" 2>&1)"
  expect_equal "the self-test passes with only the policy's actions (carbontrack invoke, SigV4 checked)" \
    "PASS 10/10 failed=[]" "$(self_test_verdict "$response")"
elif [[ "${CI:-}" == true ]]; then
  fail "the carbontrack CLI and events/self-test.json exist" "cli: '${cli:-not built}'"
else
  echo "skipping the self-test under the policy: no carbontrack CLI built or no events/self-test.json"
fi

finish
