#!/usr/bin/env bash
# Lints the infrastructure: cfn-lint on infra/template.yaml (no errors, warnings or informational
# findings), shellcheck on every shell script of infra/, scripts/, Tests/infra/ and Benchmarks/guards/, and checks
# that the template agrees with the scripts (tables and keys, IAM statements, runtime settings).
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool cfn-lint
require_tool shellcheck
require_tool python3

template="$repo_root/infra/template.yaml"

# --- cfn-lint -------------------------------------------------------------------------------------
if output="$(cfn-lint --include-checks I -- "$template" 2>&1)" && [[ -z "$output" ]]; then
  pass "cfn-lint: infra/template.yaml has no errors, warnings or informational findings"
else
  fail "cfn-lint: infra/template.yaml has no errors, warnings or informational findings" "$output"
fi

# The linter must be able to fail: a copy with an invalid runtime and no handler is rejected.
broken="$(mktemp --suffix=.yaml)"
at_exit "rm -f '$broken'"
sed -e 's/^      Handler: bootstrap$//' -e 's/AllowedValues: \[provided.al2023, provided.al2\]/AllowedValues: [swift6]/' \
  -e 's/Default: provided.al2023/Default: swift6/' "$template" >"$broken"
if cfn-lint -- "$broken" >/dev/null 2>&1; then
  fail "cfn-lint rejects a template with an unknown runtime and no handler" "cfn-lint accepted it"
else
  pass "cfn-lint rejects a template with an unknown runtime and no handler"
fi

# --- shellcheck -----------------------------------------------------------------------------------
scripts=()
while IFS= read -r -d '' file; do
  scripts+=("$file")
done < <(find "$repo_root/infra" "$repo_root/scripts" "$repo_root/Tests/infra" "$repo_root/Benchmarks/guards" -type f \
  \( -name '*.sh' -o -name '*.bash' \) -print0 2>/dev/null | sort -z)
if ((${#scripts[@]} == 0)); then
  fail "shell scripts are found" "none under infra/, scripts/ or Tests/infra/"
fi
for file in "${scripts[@]}"; do
  relative="${file#"$repo_root"/}"
  check "shellcheck: $relative" shellcheck --external-sources --severity=style "$file"
  # Libraries under lib/ are sourced, not run.
  if [[ "$file" == *.sh && "$relative" != */lib/* ]]; then
    check "executable: $relative" test -x "$file"
    expect_equal "shebang: $relative" "#!/usr/bin/env bash" "$(head -n 1 "$file")"
  fi
done
for file in "$repo_root"/infra/*.sh; do
  if grep -qx 'set -euo pipefail' "$file"; then
    pass "set -euo pipefail: ${file#"$repo_root"/}"
  else
    fail "set -euo pipefail: ${file#"$repo_root"/}" "infra scripts must stop on the first failure"
  fi
done

# --- the template agrees with the scripts ---------------------------------------------------------
# Table specs as create-dynamodb-tables.sh declares them: "suffix|partition key|sort key|TTL attribute".
script_tables="$(grep -oE '^  "[a-z]+\|[A-Za-z]+\|[A-Za-z]*\|[A-Za-z]*"$' "$repo_root/infra/create-dynamodb-tables.sh" | tr -d ' "')"

consistency="$(python3 - "$template" "$repo_root/infra/iam-policy.json" "$script_tables" <<'PY'
import json, sys
from cfnlint.decode import cfn_yaml

template_path, policy_path, script_tables = sys.argv[1:4]
template = cfn_yaml.load(template_path)
resources = template["Resources"]
parameters = template["Parameters"]

def check(description, condition, details=""):
    details = str(details).replace("\n", " | ")
    print(f"{'ok' if condition else 'FAIL'}\t{description}\t{details}")

# Tables: the same names and keys as the table script.
expected = {}
for line in script_tables.split():
    suffix, pk, sk, ttl = line.split("|")
    expected[suffix] = (pk, sk, ttl)
found = {}
for resource in resources.values():
    if resource.get("Type") != "AWS::DynamoDB::Table":
        continue
    props = resource["Properties"]
    name = props["TableName"].get("Fn::Sub", "")
    suffix = name.replace("${TablePrefix}", "", 1) if name.startswith("${TablePrefix}") else name
    keys = {k["KeyType"]: k["AttributeName"] for k in props["KeySchema"]}
    types = {a["AttributeName"]: a["AttributeType"] for a in props["AttributeDefinitions"]}
    ttl_spec = props.get("TimeToLiveSpecification", {})
    ttl = ttl_spec.get("AttributeName", "") if ttl_spec.get("Enabled") is True else ""
    found[suffix] = (keys.get("HASH", ""), keys.get("RANGE", ""), ttl)
    check(f"template table {suffix}: on-demand billing", props.get("BillingMode") == "PAY_PER_REQUEST")
    check(f"template table {suffix}: key attributes are strings", set(types.values()) == {"S"}, str(types))
    check(f"template table {suffix}: retained on stack deletion", resource.get("DeletionPolicy") == "Retain")
check("template tables match create-dynamodb-tables.sh", found == expected and len(found) == 4,
      f"template: {found}, script: {expected}")

# IAM: the role's inline policy is iam-policy.json with CloudFormation's pseudo parameters.
def normalise(value):
    if isinstance(value, dict) and "Fn::Sub" in value:
        value = value["Fn::Sub"]
    for old, new in (("${AWS::Partition}", "aws"), ("${AWS::Region}", "{{REGION}}"),
                     ("${AWS::AccountId}", "{{ACCOUNT_ID}}"), ("${TablePrefix}", "{{TABLE_PREFIX}}"),
                     ("${FunctionName}", "{{FUNCTION_NAME}}")):
        value = value.replace(old, new)
    return value

def statements(document):
    result = []
    for s in document["Statement"]:
        actions = s["Action"] if isinstance(s["Action"], list) else [s["Action"]]
        targets = s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]]
        result.append((s.get("Sid"), s["Effect"], sorted(actions), sorted(normalise(r) for r in targets)))
    return sorted(result)

with open(policy_path) as f:
    file_statements = statements(json.load(f))
role = resources["FunctionRole"]["Properties"]
role_policies = role.get("Policies", [])
check("the role has exactly one inline policy and no managed policies",
      len(role_policies) == 1 and not role.get("ManagedPolicyArns"))
template_statements = statements(role_policies[0]["PolicyDocument"]) if role_policies else []
check("the role's statements equal infra/iam-policy.json", template_statements == file_statements,
      f"template: {template_statements}\nfile: {file_statements}")
trust = role["AssumeRolePolicyDocument"]["Statement"]
check("the role trusts only lambda.amazonaws.com",
      len(trust) == 1 and trust[0]["Principal"] == {"Service": "lambda.amazonaws.com"})

# Function settings.
function = resources["Function"]
props = function["Properties"]
check("function is AWS::Serverless::Function", function["Type"] == "AWS::Serverless::Function")
check("Handler is bootstrap", props.get("Handler") == "bootstrap")
check("Runtime comes from the Runtime parameter", props.get("Runtime") == {"Ref": "Runtime"})
check("Runtime parameter offers provided.al2023 (default) and provided.al2",
      parameters["Runtime"]["AllowedValues"] == ["provided.al2023", "provided.al2"]
      and parameters["Runtime"]["Default"] == "provided.al2023")
check("Architectures come from the Architecture parameter (x86_64, arm64)",
      props.get("Architectures") == [{"Ref": "Architecture"}]
      and sorted(parameters["Architecture"]["AllowedValues"]) == ["arm64", "x86_64"])
check("the role is the template's own least-privilege role",
      props.get("Role") == {"Fn::GetAtt": ["FunctionRole", "Arn"]} and "Policies" not in props)
variables = props.get("Environment", {}).get("Variables", {})
check("environment sets CARBONTRACK_TABLE_PREFIX and AUTH_MODE",
      variables.get("CARBONTRACK_TABLE_PREFIX") == {"Ref": "TablePrefix"}
      and variables.get("AUTH_MODE") == {"Ref": "AuthMode"}, str(variables))
check("the log format (AWS_LAMBDA_LOG_FORMAT) is set through LoggingConfig",
      props.get("LoggingConfig", {}).get("LogFormat") == {"Ref": "LogFormat"}
      and "AWS_LAMBDA_LOG_FORMAT" not in variables)
check("the function logs to the template's log group",
      props.get("LoggingConfig", {}).get("LogGroup") == {"Ref": "FunctionLogGroup"})
events = props.get("Events", {})
check("the function is behind the HTTP API",
      any(e.get("Type") == "HttpApi" and e["Properties"].get("ApiId") == {"Ref": "HttpApi"} for e in events.values()))

api = resources["HttpApi"]["Properties"]["Auth"]
authorizer = api["Authorizers"].get(api.get("DefaultAuthorizer", ""), {})
check("the HTTP API's default authorizer is a JWT authorizer on the Authorization header",
      "JwtConfiguration" in authorizer and authorizer.get("IdentitySource") == "$request.header.Authorization")
open_routes = sorted((e["Properties"].get("Method"), e["Properties"].get("Path")) for e in events.values()
                     if e["Properties"].get("Auth", {}).get("Authorizer") == "NONE")
check("no route but GET /health opts out of the authorizer", open_routes == [("GET", "/health")], str(open_routes))
cors = resources["HttpApi"]["Properties"].get("CorsConfiguration", {})
allowed = cors.get("Fn::If", [None, {}, None])[1] if isinstance(cors, dict) else {}
check("the HTTP API's CORS origins are the function's CORS_ALLOWED_ORIGINS",
      allowed.get("AllowOrigins") == {"Fn::Split": [",", {"Ref": "CorsAllowedOrigins"}]}
      and variables.get("CORS_ALLOWED_ORIGINS") == {"Ref": "CorsAllowedOrigins"})
PY
)" || fail "the template consistency checks run to the end" "python3 stopped early; see the error above"
record_results "$consistency"

finish
