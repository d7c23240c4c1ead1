#!/usr/bin/env bash
# The API against its contract, checked by an independent tool: schemathesis generates requests from
# docs/openapi.yaml (examples, coverage, fuzzing, then stateful sequences along the document's links: create entry
# -> get -> update -> delete, create goal -> ...) and sends them through `carbontrack serve --http` to the real
# bootstrap and moto, authenticated as one test user. Any 5xx, undocumented status or body that does not match its
# schema fails. A fixed seed and a bounded number of examples keep the run repeatable and near a minute long; a
# doctored document shows the check failing.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool st
require_tool curl
require_variable DYNAMODB_ENDPOINT "scripts/test.sh starts moto and exports its address"

bin="$(cd "$repo_root" && swift build --show-bin-path)"
bootstrap="${BOOTSTRAP_RELEASE_PATH:-$bin/bootstrap}"
scratch="$(mktemp -d)"
infra_cleanup_actions+=("rm -rf '$scratch'")
export CARBONTRACK_TABLE_PREFIX="ct-contract-$$-"
"$bin/carbontrack" tables create >/dev/null || fail "the contract run's tables are created" "$CARBONTRACK_TABLE_PREFIX"
infra_cleanup_actions+=("'$bin/carbontrack' tables delete")
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bin/carbontrack" serve --port 0 --http "$port" --quiet -- "$bootstrap" >"$scratch/serve.log" 2>&1 &
infra_cleanup_actions+=("kill $!")
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && break
  sleep 0.1
done
token="$("$bin/carbontrack" token --sub contract-user --expires-in 3600)"
# The user exists first, so the routes under it answer with data rather than 404s.
check "the contract user is created over HTTP" curl -fsS -o /dev/null -H "Authorization: Bearer $token" \
  -d '{"email":"contract@example.com","displayName":"Contract User"}' "http://127.0.0.1:$port/users/contract-user"

# contract SPEC [st options...]: schemathesis' verdict on the running API against SPEC.
contract() {
  local spec="$1"
  shift
  (cd "$scratch" && st --config-file "$repo_root/Tests/infra/contract/schemathesis.toml" run "$spec" \
    --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" --seed 20261206 --max-examples 12 \
    --phases examples,coverage,fuzzing,stateful \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance --workers 1 \
    --no-color "$@")
}

if output="$(contract "$repo_root/docs/openapi.yaml" 2>&1)"; then
  pass "schemathesis finds no 5xx, undocumented status or schema mismatch ($(grep -Eo '[0-9]+ generated' <<<"$output" | head -1) cases)"
else
  fail "schemathesis finds no 5xx, undocumented status or schema mismatch" "$(sed -n '/FAILURES/,/SUMMARY/p' <<<"$output" | head -80)"
fi

# The same run fails on a document that no longer lists a status the API answers with.
python3 - "$repo_root/docs/openapi.yaml" "$scratch/doctored.yaml" <<'PY'
import sys, yaml
document = yaml.safe_load(open(sys.argv[1]))
del document["paths"]["/health"]["get"]["responses"]["200"]
yaml.safe_dump(document, open(sys.argv[2], "w"))
PY
if contract "$scratch/doctored.yaml" --include-operation-id getHealth >/dev/null 2>&1; then
  fail "schemathesis fails on a document missing a status the API answers" "it passed"
else
  pass "schemathesis fails on a document missing a status the API answers"
fi

finish
