#!/usr/bin/env bash
# Builds the decoder floor for scripts/bench-decoder-floor.sh: Benchmarks/peers/decoder_floor.swift (the C loop's
# two Runtime API calls with every answer read by NIO's HTTP/1.1 decoder) against swift-nio, in .build-peers/
# (git-ignored), with bootstrap's compile flags (infra/lib/release-build.bash), stripped. Prints the binary's path.
#
#   scripts/build-decoder-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

package=.build-peers/decoder-floor
mkdir -p "$package/Sources/DecoderFloor"
cp Benchmarks/peers/decoder_floor.swift "$package/Sources/DecoderFloor/main.swift"
cat >"$package/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
// Written by scripts/build-decoder-floor.sh.
import PackageDescription

let package = Package(
  name: "decoder-floor",
  dependencies: [.package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2")],
  targets: [
    .executableTarget(
      name: "DecoderFloor",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ])
  ]
)
SWIFT

build_peer_like_bootstrap "$package" DecoderFloor "${BUILD_JOBS:-2}"
