import Foundation
import Testing

/// `carbontrack serve` run as a process: how it starts, measures and stops the function.
@Suite struct ServeCommandTests {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  func startServe(_ arguments: [String], output: Pipe? = nil) throws -> Process {
    let process = Process()
    process.executableURL = try RunningBootstrap.builtProduct("carbontrack")
    process.arguments = ["serve", "--port", "0"] + arguments
    process.standardOutput = output ?? FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  func waitForExit(_ process: Process, limit: Duration) async -> Bool {
    let stop = ContinuousClock.now + limit
    while process.isRunning, ContinuousClock.now < stop { try? await Task.sleep(for: .milliseconds(20)) }
    return !process.isRunning
  }

  @Test func benchmarkModeServesEveryInvokeThenStopsTheFunction() async throws {
    let event = scratch.appendingPathComponent("event.json")
    try Data(#"{"hello":"world"}"#.utf8).write(to: event)
    let mask = scratch.appendingPathComponent("mask")
    // bootstrap, after recording the signal mask it starts with.
    let function = "grep SigBlk /proc/self/status > \(mask.path); exec \(try RunningBootstrap.executable().path)"
    let output = Pipe()
    let serve = try startServe(
      ["--handler", "echo", "--benchmark", "5", "--event", event.path, "--", "/bin/sh", "-c", function],
      output: output)
    let exited = await waitForExit(serve, limit: .seconds(20))
    if !exited { serve.interrupt() }
    #expect(exited, "serve --benchmark stops its function and exits")
    let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let figures = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    #expect(figures["invocations"] as? Int == 5)
    #expect(figures["failures"] as? Int == 0)
    #expect((figures["initMs"] as? Double ?? -1) > 0)
    let recorded = try String(contentsOf: mask, encoding: .utf8)
    #expect(recorded.hasSuffix("0000000000000000\n"), "Lambda starts bootstrap with no signal blocked: \(recorded)")
  }

  @Test func aFunctionThatIgnoresSIGTERMIsKilledWhenServeIsStopped() async throws {
    let pid = scratch.appendingPathComponent("pid")
    // A function that records its pid, then ignores SIGTERM and never asks for work.
    let script = "echo $$ > \(pid.path); trap '' TERM; while :; do sleep 0.05; done"
    let serve = try startServe(["--", "/bin/sh", "-c", script])
    defer { if serve.isRunning { serve.terminate() } }
    let started = ContinuousClock.now
    while !FileManager.default.fileExists(atPath: pid.path), ContinuousClock.now - started < .seconds(10) {
      try await Task.sleep(for: .milliseconds(20))
    }
    let functionPID = try #require(
      Int32(try String(contentsOf: pid, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))

    serve.terminate()
    #expect(await waitForExit(serve, limit: .seconds(8)), "serve kills a function that ignores SIGTERM, then exits")
    #expect(serve.terminationStatus == 0)
    let state = (try? String(contentsOfFile: "/proc/\(functionPID)/status", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("State:") }
    #expect(
      state == nil || state!.contains("Z"), "the function is gone (or only a zombie): \(String(describing: state))")
  }

  @Test func stoppingServeStopsBootstrapGracefully() async throws {
    let log = scratch.appendingPathComponent("serve.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let process = Process()
    process.executableURL = try RunningBootstrap.builtProduct("carbontrack")
    process.arguments = ["serve", "--port", "0", "--handler", "echo", "--", try RunningBootstrap.executable().path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    func output() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    let started = ContinuousClock.now
    while !output().contains("Cold start"), ContinuousClock.now - started < .seconds(10) {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(output().contains("Cold start"), "bootstrap started: \(output())")

    process.terminate()
    // Well inside serve's 2 s grace: bootstrap handles the forwarded SIGTERM itself.
    #expect(await waitForExit(process, limit: .milliseconds(1500)), "\(output())")
    #expect(output().contains("SIGTERM received: shutting down."), "\(output())")
    #expect(output().contains("shutdown action(s); exiting."), "\(output())")
  }
}
