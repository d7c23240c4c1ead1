// swift-tools-version: 6.1
import PackageDescription

// Kept out of the product build: `cd Benchmarks && swift package benchmark` (see DynamoDBBenchmarks/README.md).
let package = Package(
  name: "Benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "CarbonTrackLambda", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "DynamoDBBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "DynamoDB", package: "CarbonTrackLambda"),
        .product(name: "SigV4", package: "CarbonTrackLambda"),
        .product(name: "LambdaRuntime", package: "CarbonTrackLambda"),
      ],
      path: "DynamoDBBenchmarks",
      exclude: ["responder.py", "boto3_compare.py", "README.md"],
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
