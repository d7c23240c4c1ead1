#!/usr/bin/env bash
# Tests the boto3 self-test peer of scripts/bench-peers.sh (Benchmarks/peers/selftest_boto3.py) against moto: it
# must pass its ten steps and answer the report shape the Swift self-test answers, or the benchmark would compare
# our self-test with a peer that does less (a failed step skips its requests).
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool aws
require_tool curl
require_tool python3
use_shared_moto

prefix="it-peers-$$-$RANDOM-"
create_test_tables "$prefix"

report="$(DYNAMODB_ENDPOINT="$moto_endpoint" CARBONTRACK_TABLE_PREFIX="$prefix" \
  PYTHONPATH="$repo_root/Benchmarks/peers" \
  python3 -c 'import json, selftest_boto3; print(json.dumps(selftest_boto3.handler({}, None)))' 2>&1)"
expect_equal "boto3 self-test peer passes all ten steps" "PASS 10/10 failed=[]" "$(self_test_verdict "$report")"
expect_equal "boto3 self-test peer answers the self-test's report keys" \
  "cleanup overall_status passed_tests started_at steps success_rate table_prefix total_tests" \
  "$(python3 -c 'import json,sys; print(" ".join(sorted(json.loads(sys.argv[1]))))' "$report" 2>&1)"
finish
