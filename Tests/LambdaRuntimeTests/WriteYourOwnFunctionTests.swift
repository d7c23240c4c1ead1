import Foundation
import Testing

/// docs/RUNTIME.md, "Write your own function", done as a reader would: its files become a new package that depends
/// on this one by path, which is built and run behind `carbontrack serve`, then called with curl.
@Suite("docs: write your own function", .serialized, .timeLimit(.minutes(20)))
struct WriteYourOwnFunctionTests {
  /// The repository root.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  /// The build directory the tests run from (`.build/debug` or a scratch path's).
  static let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent()

  /// The files the section shows: each code block right after a `<!-- file: path -->` line.
  static func documentedFiles() throws -> [String: String] {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/RUNTIME.md"), encoding: .utf8)
    let section = try #require(
      text.components(separatedBy: "\n## Write your own function\n").dropFirst().first?
        .components(separatedBy: "\n## ").first, "docs/RUNTIME.md has no 'Write your own function' section")
    var files: [String: String] = [:]
    var lines = section.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
    while let line = lines.next() {
      guard let match = line.wholeMatch(of: /<!-- file: (.+) -->/) else { continue }
      guard let fence = lines.next(), fence.hasPrefix("```") else { continue }
      var body: [Substring] = []
      while let code = lines.next(), code != "```" { body.append(code) }
      files[String(match.1)] = body.joined(separator: "\n") + "\n"
    }
    return files
  }

  /// The documented package, written next to a `carbontrack-lambda` link to this repository and built there; the
  /// build directory stays between runs (beside this build's), so only the first run compiles its dependencies.
  static func buildDocumentedPackage() throws -> URL {
    let files = try documentedFiles()
    try #require(
      Set(files.keys).isSuperset(of: ["Package.swift", "Sources/hello/main.swift", "Sources/countdown/main.swift"]))
    let workspace = buildDirectory.deletingLastPathComponent().appendingPathComponent("documented-function")
    let package = workspace.appendingPathComponent("hello")
    let manager = FileManager.default
    try manager.createDirectory(at: package, withIntermediateDirectories: true)
    let link = workspace.appendingPathComponent("carbontrack-lambda")
    if (try? manager.destinationOfSymbolicLink(atPath: link.path)) != packageRoot.path {
      try? manager.removeItem(at: link)
      try manager.createSymbolicLink(at: link, withDestinationURL: packageRoot)
    }
    for (path, contents) in files {
      let file = package.appendingPathComponent(path)
      try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      if (try? String(contentsOf: file, encoding: .utf8)) != contents {
        try contents.write(to: file, atomically: true, encoding: .utf8)
      }
    }
    // The versions this repository was built and tested with, so the build needs no resolution.
    let pins = package.appendingPathComponent("Package.resolved")
    try? manager.removeItem(at: pins)
    try manager.copyItem(at: packageRoot.appendingPathComponent("Package.resolved"), to: pins)
    let build = try run(
      "/usr/bin/env",
      [
        "swift", "build", "--package-path", package.path, "--scratch-path",
        package.appendingPathComponent(".build").path,
      ])
    try #require(build.status == 0, "swift build of the documented package failed:\n\(build.output)")
    return package.appendingPathComponent(".build/debug")
  }

  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  /// curl as the section runs it: each line of its output with the moment it arrived.
  static func curl(_ arguments: [String]) async throws -> [(text: String, at: ContinuousClock.Instant)] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["curl", "-sS", "--max-time", "30"] + arguments
    let pipe = Pipe()
    let output = OutputLines(pipe)
    process.standardOutput = pipe
    try process.run()
    let lines = await output.untilExit(of: process)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "curl \(arguments) failed")
    return lines
  }

  @Test func theHelloWorldAndTheStreamingExampleRunBehindCarbontrackServe() async throws {
    let bin = try Self.buildDocumentedPackage()

    let hello = try await Serve(bin.appendingPathComponent("hello"))
    let greeting = try await Self.curl([
      "-d", #""world""#, "http://127.0.0.1:\(hello.port)/2015-03-31/functions/function/invocations",
    ])
    #expect(greeting.map(\.text) == [#""Hello, world!""#])

    let countdown = try await Serve(bin.appendingPathComponent("countdown"))
    let streamed = try await Self.curl([
      "-N", "-d", "{}", "http://127.0.0.1:\(countdown.port)/2015-03-31/functions/function/invocations",
    ])
    #expect(streamed.map(\.text) == ["3...", "2...", "1...", "liftoff"])
    let first = try #require(streamed.first)
    let last = try #require(streamed.last)
    #expect(last.at - first.at >= .milliseconds(1000), "curl -N showed each line as it was written")
  }
}

/// `carbontrack serve --port 0 -- function`, its port read from what it prints.
final class Serve {
  let process = Process()
  let port: Int

  init(_ function: URL) async throws {
    process.executableURL = WriteYourOwnFunctionTests.buildDirectory.appendingPathComponent("carbontrack")
    process.arguments = ["serve", "--port", "0", "--", function.path]
    let pipe = Pipe()
    let output = OutputLines(pipe)
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    port = try #require(
      await output.first(/Local Lambda on 127\.0\.0\.1:(\d+)/).flatMap { Int($0) }, "serve printed no port")
  }

  deinit {
    process.terminate()
    process.waitUntilExit()
  }
}
