import Benchmark
import DynamoDB
import Foundation
import KeepAliveHTTP
import LambdaRuntime
import NIOPosix
import SigV4

/// A typical CarbonTrack entry item.
struct Entry: Codable, Equatable {
  var pk: String
  var sk: String
  var id: UUID
  var category: String
  var activity: String
  var quantity: Double
  var unit: String
  var kgCO2e: Double
  var date: String
  var createdAt: Date
  var tags: Set<String>
  var note: String?
}

let entry = Entry(
  pk: "USER#7f1c2d3e", sk: "ENTRY#2026-11-26#0b5e", id: UUID(uuidString: "0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9D80")!,
  category: "transport", activity: "car_petrol", quantity: 12.5, unit: "km", kgCO2e: 2.1375, date: "2026-11-26",
  createdAt: Date(timeIntervalSince1970: 1_795_680_930.25), tags: ["commute", "work"], note: "Drive to the office")

/// The loopback responder (responder.py) to call; network benchmarks are skipped without it.
let responder = ProcessInfo.processInfo.environment["DYNAMODB_BENCH_ENDPOINT"]

/// How a benchmark drives the client: from Swift's global executor with the HTTP client's default
/// event loops, or as `bootstrap` does, on one event loop that runs both the HTTP client and the calling task.
enum Threading {
  case globalExecutor
  case oneEventLoop
}

func withClient(_ threading: Threading, _ body: (DynamoDBClient) async throws -> Void) async throws {
  guard let responder else { return }
  let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  let httpClient = threading == .oneEventLoop ? HTTP1Client(eventLoopGroup: group) : nil
  let executor = threading == .oneEventLoop ? EventLoopExecutor(group.next()) : nil
  let client = DynamoDBClient(
    region: "us-east-1",
    credentials: StaticCredentialProvider(
      Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
    endpoint: responder, httpClient: httpClient, retryPolicy: .none)
  var failure: (any Error)?
  do {
    try await withTaskExecutorPreference(executor) { try await body(client) }
  } catch {
    failure = error
  }
  try await client.shutdown()
  await httpClient?.shutdown()
  try await group.shutdownGracefully()
  if let failure { throw failure }
}

let benchmarks: @Sendable () -> Void = {
  // Each sample is 1000 calls so the CPU-time metric (10 ms ticks on Linux) is meaningful; figures are per call.
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(10),
    maxIterations: 15)

  Benchmark("Entry encode+decode (item + wire JSON)") { benchmark in
    let encoder = DynamoDBEncoder()
    let decoder = DynamoDBDecoder()
    for _ in benchmark.scaledIterations {
      let json = try JSONEncoder().encode(try encoder.encode(entry))
      let item = try JSONDecoder().decode(Item.self, from: json)
      blackHole(try decoder.decode(Entry.self, from: item))
    }
  }

  Benchmark("Entry encode to item (DynamoDBEncoder)") { benchmark in
    let encoder = DynamoDBEncoder()
    for _ in benchmark.scaledIterations { blackHole(try encoder.encode(entry)) }
  }

  Benchmark("SigV4 sign a PutItem request") { benchmark in
    let signer = SigV4Signer(region: "us-east-1", service: "dynamodb")
    let credentials = Credentials(
      accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let body = Array(try JSONEncoder().encode(["TableName": "Entries", "Item": "x"]))
    let headers = [
      (name: "Content-Type", value: "application/x-amz-json-1.0"),
      (name: "X-Amz-Target", value: "DynamoDB_20120810.PutItem"),
    ]
    for _ in benchmark.scaledIterations {
      blackHole(
        try signer.signingHeaders(
          method: "POST", url: "https://dynamodb.us-east-1.amazonaws.com/", headers: headers, payload: .bytes(body),
          credentials: credentials))
    }
  }

  for (threading, label) in [(Threading.globalExecutor, ""), (.oneEventLoop, ", one event loop as in bootstrap")] {
    Benchmark("PutItem via loopback (encode + sign + HTTP)\(label)") { benchmark in
      try await withClient(threading) { client in
        _ = try await client.put(entry, into: "Entries")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          try await client.put(entry, into: "Entries")
        }
        benchmark.stopMeasurement()
      }
    }

    Benchmark("GetItem via loopback (sign + HTTP + decode)\(label)") { benchmark in
      try await withClient(threading) { client in
        let key: Item = ["pk": "USER#7f1c2d3e", "sk": "ENTRY#2026-11-26#0b5e"]
        _ = try await client.get(Entry.self, from: "Entries", key: key)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(try await client.get(Entry.self, from: "Entries", key: key))
        }
        benchmark.stopMeasurement()
      }
    }
  }

  httpFloorBenchmarks()
}
