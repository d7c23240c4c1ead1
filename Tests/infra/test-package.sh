#!/usr/bin/env bash
# Tests infra/package.sh, infra/deploy.sh and the SAM build target:
# - the default build (Zig, glibc 2.26) writes a zip whose only entry is an executable, stripped `bootstrap` for
#   this machine's architecture that needs only glibc's libraries, nothing newer than GLIBC_2.26, and the printed
#   summary, size and CodeSha256 are right;
# - a bootstrap linked against this machine's glibc is refused (exit 1, no zip), naming the symbols;
# - deploy.sh creates and then updates a function on moto's Lambda API, and refuses zips it must not upload;
# - `make build-Function` (what `sam build` runs) leaves the checked bootstrap in ARTIFACTS_DIR;
# - the unzipped bootstrap runs through the local Lambda server (`carbontrack serve`) and passes the
#   self-test (events/self-test.json) against moto's DynamoDB.
# Tests/infra/test-old-glibc.sh runs the same zip on an older glibc.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

for tool in zip unzip readelf strip openssl python3 curl aws make; do
  require_tool "$tool"
done
use_shared_moto

package="$repo_root/infra/package.sh"
deploy="$repo_root/infra/deploy.sh"
work="$(mktemp -d)"
at_exit "rm -rf '$work'"
zip_file="$work/out/lambda.zip"
plain_bootstrap="${BOOTSTRAP_PLAIN_PATH:-$repo_root/.build/release/bootstrap}"
if [[ ! -x "$plain_bootstrap" ]]; then
  fail "the plain release bootstrap is built" "no $plain_bootstrap (scripts/test.sh builds it)"
  finish
fi

# --- the build plan ----------------------------------------------------------------------------------
plan="$("$package" --dry-run 2>&1)"
expect_contains "by default the build is local and linked with Zig" "build: zig" "$plan"
expect_contains "it links the Swift stdlib statically" \
  "swift build -c release --product bootstrap --static-swift-stdlib" "$plan"
expect_contains "it links again against glibc 2.26" "against glibc 2.26" "$plan"
expect_contains "by default it checks against glibc 2.26 (provided.al2 and provided.al2023)" \
  "runtime both (glibc 2.26)" "$plan"
expect_contains "provided.al2023 is checked against glibc 2.34" "(glibc 2.34)" \
  "$("$package" --dry-run --runtime provided.al2023 2>&1)"
if ! { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
  "$package" --dry-run --docker >/dev/null 2>&1
  expect_equal "--docker without a Docker engine fails" 1 "$?"
fi
"$package" --runtime provided.al1 --dry-run >/dev/null 2>&1
expect_equal "an unknown runtime is a usage error (exit 2)" 2 "$?"
"$package" --arch sparc --dry-run >/dev/null 2>&1
expect_equal "an unknown architecture is a usage error (exit 2)" 2 "$?"
"$package" --output "$work/lambda.tar" --dry-run >/dev/null 2>&1
expect_equal "an output that is not a .zip is a usage error (exit 2)" 2 "$?"

# --- package ----------------------------------------------------------------------------------------
if output="$("$package" --output "$zip_file" 2>"$work/package.err")"; then
  pass "package.sh exits 0"
else
  fail "package.sh exits 0" "$output"$'\n'"$(cat "$work/package.err")"
  finish
fi
expect_equal "package.sh prints the zip's path" "zip: $zip_file" "$(grep '^zip: ' <<<"$output")"
expect_equal "package.sh prints the zip's size" "size: $(wc -c <"$zip_file" | tr -d ' ') bytes" \
  "$(grep -o '^size: [0-9]* bytes' <<<"$output")"
expect_equal "package.sh prints the CodeSha256 Lambda will report" \
  "CodeSha256: $(openssl dgst -sha256 -binary "$zip_file" | base64)" "$(grep '^CodeSha256: ' <<<"$output")"

expect_equal "the zip's only entry is bootstrap" "bootstrap" "$(unzip -Z1 "$zip_file")"
expect_contains "bootstrap is stored with mode rwxr-xr-x" "-rwxr-xr-x" "$(unzip -Z "$zip_file" bootstrap)"
mkdir -p "$work/unzipped"
unzip -q "$zip_file" -d "$work/unzipped"
bootstrap="$work/unzipped/bootstrap"
check "the unzipped bootstrap is executable" test -x "$bootstrap"
expect_equal "the unzipped bootstrap is an ELF executable" "ELF" "$(head -c 4 "$bootstrap" | tail -c 3)"
case "$(uname -m)" in
  aarch64 | arm64) want_machine="AArch64" ;;
  *) want_machine="X86-64" ;;
esac
expect_contains "bootstrap is built for this machine" "$want_machine" "$(readelf -h "$bootstrap")"
if readelf -S "$bootstrap" | grep -q '\.symtab'; then
  fail "bootstrap is stripped" "it still has a .symtab section"
else
  pass "bootstrap is stripped"
fi

# The linkage, computed here independently of package.sh's checker.
needed="$(readelf -d "$bootstrap" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')"
non_glibc="$(tr ' ' '\n' <<<"$needed" | grep -vE '^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|ld-linux-[a-z0-9-]+\.so\.[12])?$' || true)"
expect_equal "bootstrap needs only glibc's libraries (no libstdc++.so, libgcc_s.so or Swift libraries)" "" "$non_glibc"
highest="$(readelf -V "$bootstrap" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -1)"
expect_equal "bootstrap imports nothing newer than GLIBC_2.26 (highest: $highest)" "2.26" \
  "$(printf '%s\n2.26\n' "$highest" | sort -V | tail -1)"
# Zig's compiler_rt carries portable memcpy/memset/memcmp/bcmp; if it is linked, they silently replace glibc's
# vectorised ones for the whole program (+2 % instructions per invoke; docs/PERFORMANCE.md).
glibc_memory_functions="$(readelf -W --dyn-syms "$bootstrap" | awk '$7 == "UND" {print $8}' |
  grep -oE '^(memcpy|memmove|memset|memcmp|bcmp)@' | sort -u | tr -d '@' | tr '\n' ' ')"
expect_equal "memcpy, memmove, memset, memcmp and bcmp come from glibc, not from Zig's compiler_rt" \
  "bcmp memcmp memcpy memmove memset " "$glibc_memory_functions"
expect_contains "package.sh states the highest GLIBC version" "highest GLIBC symbol version needed: $highest" "$output"
expect_contains "package.sh states that no C++ runtime library is needed" \
  "libstdc++.so / libgcc_s.so: not needed" "$output"
expect_contains "package.sh states the libraries needed" "shared libraries needed:" "$output"
expect_contains "package.sh states the verdict of the exact check" "glibc 2.26 ABI" "$output"
check "the same bootstrap also passes the check for provided.al2023" \
  "$package" --binary "$bootstrap" --runtime provided.al2023 --output "$work/al2023.zip"

# A bootstrap linked against this machine's glibc (2.36 on Debian 12) must be refused for both runtimes.
for runtime in both provided.al2023; do
  "$package" --binary "$plain_bootstrap" --runtime "$runtime" --output "$work/plain.zip" >"$work/plain.out" \
    2>"$work/plain.err"
  expect_equal "package.sh refuses the plain build for runtime $runtime (exit 1)" 1 "$?"
  check "and writes no zip ($runtime)" test ! -e "$work/plain.zip"
  expect_contains "and names libstdc++.so ($runtime)" "needs libstdc++.so.6" "$(cat "$work/plain.err")"
done
expect_contains "and names a glibc symbol too new for provided.al2" "@GLIBC_2.34 from libc.so.6" \
  "$("$package" --binary "$plain_bootstrap" --runtime provided.al2 --output "$work/plain.zip" 2>&1)"

# --- deploy.sh on moto's Lambda API --------------------------------------------------------------------
run_id="$$-$RANDOM"
function_name="it-deploy-$run_id"
# shellcheck disable=SC2317 # only called from the exit trap
remove_deployment() {
  aws_local lambda delete-function --function-name "$function_name"
  aws_local iam detach-role-policy --role-name "$function_name-role" \
    --policy-arn "arn:aws:iam::123456789012:policy/$function_name-access"
  aws_local iam delete-role --role-name "$function_name-role"
  for version in $(aws_local iam list-policy-versions --policy-arn \
    "arn:aws:iam::123456789012:policy/$function_name-access" --query 'Versions[?!IsDefaultVersion].VersionId'); do
    aws_local iam delete-policy-version --policy-arn "arn:aws:iam::123456789012:policy/$function_name-access" \
      --version-id "$version"
  done
  aws_local iam delete-policy --policy-arn "arn:aws:iam::123456789012:policy/$function_name-access"
}
at_exit remove_deployment
"$repo_root/infra/setup-dynamodb-permissions.sh" --endpoint-url "$moto_endpoint" --function-name "$function_name" \
  --prefix "it-deploy-$run_id-" >/dev/null 2>&1
deploy_args=(--endpoint-url "$moto_endpoint" --function-name "$function_name" --zip "$zip_file"
  --prefix "it-deploy-$run_id-")
if output="$("$deploy" "${deploy_args[@]}" 2>&1)"; then
  pass "deploy.sh creates the function"
else
  fail "deploy.sh creates the function" "$output"
fi
expect_contains "deploy.sh reports creating it" "creating the function" "$output"
IFS=$'\t' read -r handler runtime memory prefix_variable sha <<<"$(aws_local lambda get-function-configuration \
  --function-name "$function_name" \
  --query '[Handler, Runtime, MemorySize, Environment.Variables.CARBONTRACK_TABLE_PREFIX, CodeSha256]')"
expect_equal "the function's handler is bootstrap" "bootstrap" "$handler"
expect_equal "the function's runtime is provided.al2023" "provided.al2023" "$runtime"
expect_equal "the function's memory is the default 256 MB" "256" "$memory"
expect_equal "the function's table prefix is set" "it-deploy-$run_id-" "$prefix_variable"
expect_equal "the deployed code is the zip" "$(openssl dgst -sha256 -binary "$zip_file" | base64)" "$sha"
if output="$("$deploy" "${deploy_args[@]}" --memory 512 --runtime provided.al2 2>&1)"; then
  pass "deploy.sh updates the existing function"
else
  fail "deploy.sh updates the existing function" "$output"
fi
expect_contains "deploy.sh reports updating it" "updating the code" "$output"
expect_equal "the update changed the configuration" "512	provided.al2" \
  "$(aws_local lambda get-function-configuration --function-name "$function_name" --query '[MemorySize, Runtime]')"
if [[ "$want_machine" == X86-64 ]]; then other_arch=arm64; else other_arch=x86_64; fi
"$deploy" "${deploy_args[@]}" --arch "$other_arch" >/dev/null 2>"$work/deploy.err"
expect_equal "deploy.sh refuses a zip built for another architecture" 1 "$?"
expect_contains "and says why" "pass the matching --arch" "$(cat "$work/deploy.err")"
mkdir -p "$work/plain-zip"
cp "$plain_bootstrap" "$work/plain-zip/bootstrap"
(cd "$work/plain-zip" && zip -q plain.zip bootstrap)
"$deploy" "${deploy_args[@]}" --zip "$work/plain-zip/plain.zip" >/dev/null 2>"$work/deploy.err"
expect_equal "deploy.sh refuses a zip whose bootstrap cannot start on the runtime's glibc" 1 "$?"
expect_contains "and says why" "cannot start on provided.al2023" "$(cat "$work/deploy.err")"
expect_equal "the refused zip was not uploaded" "$(openssl dgst -sha256 -binary "$zip_file" | base64)" \
  "$(aws_local lambda get-function-configuration --function-name "$function_name" --query CodeSha256)"

# --- the SAM path: sam build runs the Makefile's build-Function target ----------------------------------
mkdir -p "$work/sam-artifacts"
if output="$(make -C "$repo_root" --no-print-directory build-Function ARTIFACTS_DIR="$work/sam-artifacts" 2>&1)"; then
  pass "make build-Function (sam build) succeeds"
else
  fail "make build-Function (sam build) succeeds" "$output"
fi
expect_equal "it leaves exactly bootstrap in ARTIFACTS_DIR" "bootstrap" "$(ls "$work/sam-artifacts")"
expect_contains "after the glibc check" "glibc 2.26 ABI" "$output"

# --- the unzipped bootstrap through the local Lambda server --------------------------------------------
self_test_event="$repo_root/events/self-test.json"
cli="$(find_carbontrack_cli)"
if [[ -z "$cli" || ! -f "$self_test_event" ]]; then
  if [[ "${CI:-}" == true ]]; then
    fail "the carbontrack CLI and events/self-test.json exist" "cli: '${cli:-not built}'"
  else
    echo "skipping the local Lambda run: carbontrack CLI '${cli:-not built}', event file present: $([[ -f "$self_test_event" ]] && echo yes || echo no)"
  fi
  finish
fi

table_prefix="it-package-$run_id-"
create_test_tables "$table_prefix"

port="$(free_port)"
CARBONTRACK_TABLE_PREFIX="$table_prefix" DYNAMODB_ENDPOINT="$moto_endpoint" AUTH_MODE=none \
  "$cli" serve --port "$port" --timeout 30 -- "$bootstrap" >"$work/serve.log" 2>&1 &
serve_pid=$!
at_exit "kill $serve_pid"
invoke_url="http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
ping_response=""
for _ in $(seq 1 100); do
  if ping_response="$(curl -fsS -d '{"action":"ping"}' "$invoke_url" 2>/dev/null)"; then
    break
  fi
  ping_response=""
  sleep 0.2
done
if [[ -n "$ping_response" ]]; then
  pass "the unzipped bootstrap answers a ping through carbontrack serve"
else
  fail "the unzipped bootstrap answers a ping through carbontrack serve" "$(cat "$work/serve.log")"
  finish
fi

response="$(curl -sS --max-time 60 --data-binary "@$self_test_event" "$invoke_url" 2>&1)"
verdict="$(self_test_verdict "$response")"
expect_equal "the self-test through the unzipped bootstrap passes all 10 steps" "PASS 10/10 failed=[]" "$verdict"
if [[ "$verdict" != "PASS 10/10 failed=[]" ]]; then
  echo "       response: ${response:0:2000}"
  if [[ "$(tr -d ' \n' <<<"$response")" == "$(tr -d ' \n' <"$self_test_event")" ]]; then
    echo "       (the bootstrap echoed the event back: Sources/bootstrap/main.swift does not register the"
    echo "       CarbonTrack handlers yet)"
  fi
fi

finish
