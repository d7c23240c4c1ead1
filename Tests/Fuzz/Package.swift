// swift-tools-version: 6.1
// libFuzzer targets for the parsers that read hostile input. A package of its own, so that neither the product
// build nor `swift build` of the main package ever compiles them. Build and run them with scripts/fuzz.sh, which
// passes the sanitizer flags; see docs/SECURITY.md ("Fuzzing").
import PackageDescription

let package = Package(
  name: "CarbonTrackFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "CarbonTrackLambda", path: "../.."),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  ],
  targets: [
    .target(name: "FuzzSupport"),
    .executableTarget(
      name: "FuzzAPIEvent",
      dependencies: [
        "FuzzSupport",
        .product(name: "CarbonTrack", package: "CarbonTrackLambda"),
        .product(name: "DynamoDB", package: "CarbonTrackLambda"),
        .product(name: "LambdaEvents", package: "CarbonTrackLambda"),
        .product(name: "LambdaRuntime", package: "CarbonTrackLambda"),
        .product(name: "SigV4", package: "CarbonTrackLambda"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "FuzzItemJSON",
      dependencies: [
        "FuzzSupport",
        .product(name: "DynamoDB", package: "CarbonTrackLambda"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "FuzzSigV4",
      dependencies: ["FuzzSupport", .product(name: "SigV4", package: "CarbonTrackLambda")]
    ),
    .executableTarget(
      name: "FuzzRuntimeAPI",
      dependencies: [
        "FuzzSupport",
        .product(name: "LambdaRuntime", package: "CarbonTrackLambda"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
  ]
)
