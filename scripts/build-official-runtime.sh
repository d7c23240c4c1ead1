#!/usr/bin/env bash
# Builds the official Swift runtime peer for scripts/bench-peers.sh: swift-server's swift-aws-lambda-runtime (2.x)
# with the echo handler of Benchmarks/peers/official_echo.swift, in .build-peers/ (git-ignored), with the compile
# and link flags bootstrap ships with, stripped. Its dependencies resolve like ours (swift-nio, swift-log,
# swift-collections, swift-service-lifecycle from whatever github.com resolves to here). Prints the binary's path.
#
#   scripts/build-official-runtime.sh
#   OFFICIAL_RUNTIME_GIT=https://github.com/swift-server/swift-aws-lambda-runtime.git OFFICIAL_RUNTIME_REF=2.4.0 \
#     scripts/build-official-runtime.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

mirror=/work/.mirror/swift-server+swift-aws-lambda-runtime/repo
if [[ -z "${OFFICIAL_RUNTIME_GIT:-}" ]]; then
  if [[ -d "$mirror" ]]; then OFFICIAL_RUNTIME_GIT="$mirror"; else
    OFFICIAL_RUNTIME_GIT=https://github.com/swift-server/swift-aws-lambda-runtime.git
  fi
fi
# The newest 2.x release when this was written; a pinned tag keeps figures comparable from run to run.
ref="${OFFICIAL_RUNTIME_REF:-2.4.0}"
root=.build-peers
runtime="$root/swift-aws-lambda-runtime"
package="$root/official-echo"

if [[ ! -d "$runtime/.git" ]] || [[ "$(git -C "$runtime" describe --tags --exact-match 2>/dev/null)" != "$ref" ]]; then
  log "swift-aws-lambda-runtime $ref from $OFFICIAL_RUNTIME_GIT"
  rm -rf "$runtime"
  git clone --quiet "$OFFICIAL_RUNTIME_GIT" "$runtime"
  git -C "$runtime" -c advice.detachedHead=false checkout --quiet "$ref"
fi

# Every 2.x tag (2.0.0–2.4.0) reads LOG_LEVEL with `flatMap(Logger.Level.init)`, which swift-log 1.16 (the one
# version the package mirror here has) makes ambiguous: it added `Logger.Level.init?(_ description:)` beside
# `init?(rawValue:)`. Naming the initializer those tags were written against builds them unchanged otherwise.
sed -i 's/flatMap(Logger\.Level\.init)/flatMap(Logger.Level.init(rawValue:))/' \
  "$runtime/Sources/AWSLambdaRuntime/LambdaRuntime.swift"

mkdir -p "$package/Sources/OfficialEcho"
cp Benchmarks/peers/official_echo.swift "$package/Sources/OfficialEcho/main.swift"
cat >"$package/Package.swift" <<'SWIFT'
// swift-tools-version:6.2
// Written by scripts/build-official-runtime.sh.
import PackageDescription

let package = Package(
  name: "official-echo",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "../swift-aws-lambda-runtime")],
  targets: [
    .executableTarget(
      name: "OfficialEcho",
      dependencies: [.product(name: "AWSLambdaRuntime", package: "swift-aws-lambda-runtime")])
  ]
)
SWIFT

build_peer_like_bootstrap "$package" OfficialEcho "${BUILD_JOBS:-1}"
