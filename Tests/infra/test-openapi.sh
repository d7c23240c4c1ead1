#!/usr/bin/env bash
# docs/openapi.yaml is a valid OpenAPI 3.1 document (openapi-spec-validator) and lists exactly the routes the
# function answers (`carbontrack routes`, the router's own table), no more and no fewer; and both checks fail on
# a document that breaks them.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool openapi-spec-validator
require_tool python3

spec="$repo_root/docs/openapi.yaml"
carbontrack="$(cd "$repo_root" && swift build --show-bin-path)/carbontrack"
scratch="$(mktemp -d)"
infra_cleanup_actions+=("rm -rf '$scratch'")

check "openapi-spec-validator accepts docs/openapi.yaml" openapi-spec-validator "$spec"
sed 's/^openapi: 3.1.0$/openapi: 3.1.0\nwebhooks: not-a-map/' "$spec" >"$scratch/invalid.yaml"
if openapi-spec-validator "$scratch/invalid.yaml" >/dev/null 2>&1; then
  fail "openapi-spec-validator rejects a broken document" "it accepted webhooks: not-a-map"
else
  pass "openapi-spec-validator rejects a broken document"
fi

"$carbontrack" routes >"$scratch/routes.txt" || fail "carbontrack routes runs" "$carbontrack"

# same_routes SPEC: the document's (method, path) pairs against the router's, each difference named.
same_routes() {
  python3 - "$1" "$scratch/routes.txt" <<'PY'
import sys, yaml
methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
document = yaml.safe_load(open(sys.argv[1]))
documented = {f"{m.upper()} {path}" for path, item in document.get("paths", {}).items() for m in item if m in methods}
served = {line.strip() for line in open(sys.argv[2]) if line.strip()}
for route in sorted(served - documented):
    print(f"served but not documented: {route}")
for route in sorted(documented - served):
    print(f"documented but not served: {route}")
sys.exit(0 if documented == served and served else 1)
PY
}

check "docs/openapi.yaml lists exactly the routes the router serves" same_routes "$spec"
python3 - "$spec" "$scratch/missing.yaml" "$scratch/extra.yaml" <<'PY'
import sys, yaml
document = yaml.safe_load(open(sys.argv[1]))
missing = dict(document, paths={p: i for p, i in document["paths"].items() if p != "/health"})
yaml.safe_dump(missing, open(sys.argv[2], "w"))
extra = dict(document, paths=dict(document["paths"], **{"/users/{userId}/secrets": {"get": {"responses": {}}}}))
yaml.safe_dump(extra, open(sys.argv[3], "w"))
PY
for broken in missing extra; do
  if same_routes "$scratch/$broken.yaml" >/dev/null; then
    fail "the route comparison fails on a document with a route $broken" "it passed"
  else
    pass "the route comparison fails on a document with a route $broken"
  fi
done

finish
