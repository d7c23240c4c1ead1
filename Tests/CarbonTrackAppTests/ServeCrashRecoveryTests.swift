import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `carbontrack serve` with the real bootstrap: a function that crashes in the middle of a self-test.
@Suite(.timeLimit(.minutes(1)))
struct ServeCrashRecoveryTests {
  /// serve's stdout, line by line as it arrives.
  final class Output: Sendable {
    private let lines = Mutex<[String]>([])
    private let partial = Mutex<String>("")

    func append(_ data: Data) {
      let complete = partial.withLock { partial -> [String] in
        partial += String(decoding: data, as: UTF8.self)
        var parts = partial.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        partial = parts.removeLast()
        return parts
      }
      lines.withLock { $0 += complete }
    }

    /// The first capture of `pattern` in a line, waiting up to 10 s for it.
    func first(_ pattern: Regex<(Substring, Substring)>) async -> String? {
      let stop = ContinuousClock.now + .seconds(10)
      while ContinuousClock.now < stop {
        if let found = lines.withLock({ $0.lazy.compactMap { try? pattern.firstMatch(in: $0)?.1 }.first }) {
          return String(found)
        }
        try? await Task.sleep(for: .milliseconds(20))
      }
      return nil
    }

    var all: [String] { lines.withLock { $0 } }
  }

  private func invoke(port: Int, _ event: String) async throws -> (HTTPURLResponse, String) {
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/2015-03-31/functions/function/invocations"))
    var request = URLRequest(url: url, timeoutInterval: 60)
    request.httpMethod = "POST"
    request.httpBody = Data(event.utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    return (try #require(response as? HTTPURLResponse), String(decoding: data, as: UTF8.self))
  }

  @Test func aCrashDuringASelfTestFailsItWithExitErrorAndTheNextPingSucceedsAtOnce() async throws {
    let dynamoDB = try UnansweringServer()
    let serve = Process()
    serve.executableURL = try RunningBootstrap.builtProduct("carbontrack")
    serve.arguments = ["serve", "--port", "0", "--timeout", "30", "--", try RunningBootstrap.executable().path]
    var environment = ProcessInfo.processInfo.environment
    environment["DYNAMODB_ENDPOINT"] = "http://127.0.0.1:\(dynamoDB.port)"
    environment["AWS_ACCESS_KEY_ID"] = "testing"
    environment["AWS_SECRET_ACCESS_KEY"] = "testing"
    environment["AWS_REGION"] = "us-east-1"
    // Swift's backtracer catches a SIGSEGV sent with kill(2) and lets the process go on (Swift 6.3); without it
    // the signal ends bootstrap as a real crash does.
    environment["SWIFT_BACKTRACE"] = "enable=no"
    serve.environment = environment
    let pipe = Pipe()
    let output = Output()
    pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
    serve.standardOutput = pipe
    serve.standardError = FileHandle.nullDevice
    try serve.run()
    defer {
      if serve.isRunning { serve.terminate() }
      serve.waitUntilExit()
    }
    let port = try #require(await output.first(/Local Lambda on 127\.0\.0\.1:(\d+)/).flatMap { Int($0) })
    let pid = try #require(await output.first(/Function process (\d+) started/).flatMap { Int32($0) })

    let selfTest = Task { try await invoke(port: port, #"{"action":"selfTest"}"#) }
    // The self-test's first DynamoDB request has reached the server that never answers: it is mid-invoke.
    let stop = ContinuousClock.now + .seconds(20)
    while dynamoDB.connectionCount == 0, ContinuousClock.now < stop { try await Task.sleep(for: .milliseconds(20)) }
    try #require(dynamoDB.connectionCount > 0, "the self-test never reached DynamoDB: \(output.all)")

    let crashed = ContinuousClock.now
    kill(pid, SIGSEGV)
    let (failed, failure) = try await selfTest.value
    #expect(ContinuousClock.now - crashed < .seconds(3), "reported when bootstrap died, not at its timeout")
    #expect(failed.statusCode == 200)
    #expect(failed.value(forHTTPHeaderField: "X-Amz-Function-Error") == "Unhandled")
    #expect(failed.value(forHTTPHeaderField: "X-Amz-Function-Error-Type") == "Runtime.ExitError")
    #expect(failure.contains("Runtime exited with error: signal: segmentation fault"), "\(failure)")

    let pinged = ContinuousClock.now
    let (ok, body) = try await invoke(port: port, #"{"action":"ping"}"#)
    #expect(ContinuousClock.now - pinged < .seconds(3), "a restarted bootstrap answers at once")
    #expect(ok.statusCode == 200)
    #expect(ok.value(forHTTPHeaderField: "X-Amz-Function-Error") == nil)
    #expect(body.contains(#""status":"ok""#), "\(body)")
    #expect(body.contains(#""coldStart":true"#), "a new process served it: \(body)")
    let started = output.all.filter { $0.hasPrefix("Function process ") && $0.hasSuffix(" started.") }
    #expect(started.count == 2 && started.last != started.first, "\(started)")
  }
}
