// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "CarbonTrackLambda",
  platforms: [.macOS(.v15)],
  // The libraries meant for reuse. The connection libraries under DynamoDB and LambdaRuntime (HTTPConnection,
  // HTTPClient) and the executables are not products; the executables still build and run from this package
  // (`swift build --product bootstrap`, `swift run carbontrack serve`).
  products: [
    .library(name: "LambdaRuntime", targets: ["LambdaRuntime"]),
    .library(name: "LocalLambdaServer", targets: ["LocalLambdaServer"]),
    .library(name: "DynamoDB", targets: ["DynamoDB"]),
    .library(name: "SigV4", targets: ["SigV4"]),
    .library(name: "LambdaEvents", targets: ["LambdaEvents"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    .target(name: "SharedSupport"),
    .target(name: "LambdaEvents", dependencies: ["SharedSupport"]),
    .target(
      name: "SigV4",
      dependencies: ["SharedSupport", .product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(
      name: "HTTPConnection",
      dependencies: [
        "SharedSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .target(
      name: "HTTPClient",
      dependencies: [
        "SharedSupport",
        "HTTPConnection",
        "SigV4",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .target(
      name: "DynamoDB",
      dependencies: [
        "SharedSupport",
        "HTTPConnection",
        "HTTPClient",
        "SigV4",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .target(
      name: "LambdaRuntime",
      dependencies: [
        "SharedSupport",
        "HTTPConnection",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "LocalLambdaServer",
      dependencies: [
        "LambdaRuntime",
        "SharedSupport",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .target(
      name: "CarbonTrack",
      dependencies: [
        "SharedSupport", "DynamoDB", "LambdaEvents", "LambdaRuntime", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "bootstrap",
      dependencies: ["CarbonTrack", "LambdaRuntime", "SharedSupport", .product(name: "NIOCore", package: "swift-nio")]
    ),
    .executableTarget(
      name: "carbontrack",
      dependencies: [
        "CarbonTrack",
        "LocalLambdaServer",
        "SharedSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SharedSupportTests", dependencies: ["SharedSupport"]),
    .testTarget(name: "LambdaEventsTests", dependencies: ["LambdaEvents"]),
    .target(
      name: "TLSTestSupport",
      dependencies: [.product(name: "NIOSSL", package: "swift-nio-ssl")],
      path: "Tests/TLSTestSupport"
    ),
    .testTarget(
      name: "HTTPClientTests",
      dependencies: [
        "HTTPConnection",
        "HTTPClient",
        "SigV4",
        "TLSTestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .testTarget(
      name: "SigV4Tests",
      dependencies: ["SigV4"],
      resources: [.copy("Resources/sigv4-vectors"), .copy("Resources/sigv4-skip.txt")]
    ),
    .target(
      name: "DynamoDBTestSupport",
      dependencies: [
        "DynamoDB",
        "HTTPClient",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      path: "Tests/DynamoDBTestSupport"
    ),
    .testTarget(
      name: "DynamoDBTests",
      dependencies: [
        "DynamoDB",
        "DynamoDBTestSupport",
        "HTTPConnection",
        "HTTPClient",
        "SigV4",
        "TLSTestSupport",
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    // A function for the runtime tests to run as a process; built by `swift build --build-tests` with everything.
    .executableTarget(name: "RuntimeTestFunction", dependencies: ["LambdaRuntime"], path: "Tests/RuntimeTestFunction"),
    // What both runtime test targets use: the test function's path and commands, polling, Runtime API paths.
    .target(name: "RuntimeTestSupport", dependencies: ["SharedSupport"], path: "Tests/RuntimeTestSupport"),
    .testTarget(
      name: "LambdaRuntimeTests",
      dependencies: [
        "LambdaRuntime",
        "RuntimeTestSupport",
        "SharedSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    // The local server, and a real function process under it: the Runtime API and Invoke API it serves, and the
    // runtime's whole-process behaviour as an invoker sees it.
    .testTarget(
      name: "LocalLambdaServerTests",
      dependencies: [
        "LocalLambdaServer",
        "LambdaRuntime",
        "RuntimeTestSupport",
        "SharedSupport",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    // The moto server, tables and event files the CarbonTrack test targets share.
    .target(
      name: "CarbonTrackTestSupport",
      dependencies: ["CarbonTrack", "DynamoDB", "LambdaEvents", "LambdaRuntime"],
      path: "Tests/CarbonTrackTestSupport"
    ),
    .testTarget(
      name: "CarbonTrackTests",
      dependencies: [
        "CarbonTrack", "CarbonTrackTestSupport", "DynamoDB", "DynamoDBTestSupport", "LambdaEvents", "LambdaRuntime",
        "SharedSupport",
      ]),
    // The app as it ships and is used: the real `bootstrap` process under a Runtime API, and the `carbontrack` CLI.
    .testTarget(
      name: "CarbonTrackAppTests",
      dependencies: [
        "CarbonTrack", "carbontrack", "CarbonTrackTestSupport", "DynamoDB", "DynamoDBTestSupport", "LambdaEvents",
        "LambdaRuntime", "LocalLambdaServer", "SharedSupport",
      ]),
  ]
)

// The app is not for reuse, so it is no product. The fuzz package (Tests/Fuzz, a package of its own so that no
// build of this one compiles libFuzzer targets) can reach only products, so scripts/fuzz.sh sets
// CARBONTRACK_FUZZ=1 and the app is published to that build alone; FuzzAPIEvent reaches its `package` API
// with @testable import (the fuzz build passes -enable-testing).
if Context.environment["CARBONTRACK_FUZZ"] == "1" {
  package.products.append(.library(name: "CarbonTrack", targets: ["CarbonTrack"]))
}
