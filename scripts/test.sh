#!/usr/bin/env bash
# Runs the whole test suite: installs its tools, starts moto's server on loopback, checks formatting,
# builds (debug + release bootstrap), runs the infra script tests, then every Swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_python_env
ensure_commands shellcheck=shellcheck zip=zip unzip=unzip curl=curl openssl=openssl readelf=binutils \
  debootstrap=debootstrap valgrind=valgrind
start_moto
use_local_aws

log "swift format lint"
swift format lint --strict --recursive Sources Tests Package.swift

log "release build of bootstrap, linked as infra/package.sh ships it (for the tests that run it)"
# shellcheck source=infra/lib/release-build.bash
source infra/lib/release-build.bash
swift "${bootstrap_build_args[@]}"
release_bin="$(swift build -c release --show-bin-path)"
link_bootstrap_for_lambda "$release_bin/bootstrap-lambda"
# Every test that starts bootstrap runs the binary that ships (linked against glibc 2.26 with Zig); the plain
# build, linked against this machine's glibc, is what Tests/infra/test-old-glibc.sh shows failing on an older one.
export BOOTSTRAP_RELEASE_PATH="$release_bin/bootstrap-lambda" BOOTSTRAP_PLAIN_PATH="$release_bin/bootstrap"

log "debug build with tests"
swift build --build-tests

shopt -s nullglob
for infra_test in Tests/infra/*.sh; do
  log "$infra_test"
  bash "$infra_test"
done

# Issue 13's history-size check: DynamoDB calls per request for a 10,000-entry user within 1.2x of a 10-entry
# one, through the shipped bootstrap (CPU is reported; its recorded figures are in docs/PERFORMANCE.md).
log "history-size benchmark"
CHECK=1 REQUESTS=20 WRITES=5 BOOTSTRAP="$BOOTSTRAP_RELEASE_PATH" \
  CARBONTRACK="$(swift build --show-bin-path)/carbontrack" bash scripts/bench-history.sh

# Issue 17's regression guards: instructions per start-up, echo invoke, route and self-test, and DynamoDB calls per
# request, of the shipped bootstrap against Benchmarks/guards/baselines.tsv.
log "performance guards"
bash Benchmarks/guards/check.sh "$BOOTSTRAP_RELEASE_PATH" "$(swift build --show-bin-path)/carbontrack"

# libFuzzer smoke run: each target of Tests/Fuzz for 20 s from its seeds (longer runs: docs/SECURITY.md).
log "fuzz smoke run"
FUZZ_SECONDS=20 bash scripts/fuzz.sh

# Serially: several tests bound deadlines and timeouts, and on a 2-core machine running ~50 suites (and the
# bootstrap processes they start) at once delays timers by over a second. The whole suite takes ~25 s this way.
log "swift test"
swift test --skip-build --no-parallel
