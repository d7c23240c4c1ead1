import Foundation
import Testing

@Suite("bootstrap: release binary linkage and size", .timeLimit(.minutes(1)))
struct BootstrapLinkageTests {
  /// Runs a binutils tool on `path` and returns its standard output.
  private func run(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
    return text
  }

  /// `BOOTSTRAP_RELEASE_PATH` (set by scripts/test.sh to the build that ships); nil when unset, except under CI.
  private func releasePath() throws -> String? {
    let environment = ProcessInfo.processInfo.environment
    guard let path = environment["BOOTSTRAP_RELEASE_PATH"], !path.isEmpty else {
      try #require(environment["CI"] != "true", "BOOTSTRAP_RELEASE_PATH must be set when CI=true")
      return nil
    }
    return path
  }

  @Test func releaseBootstrapNeedsNoFoundationOrICULibrary() throws {
    guard let path = try releasePath() else { return }
    let needed = try run("readelf", ["-d", path]).split(separator: "\n").filter { $0.contains("(NEEDED)") }
      .compactMap { $0.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
    #expect(!needed.isEmpty, "readelf printed no NEEDED entries for \(path)")
    let forbidden = needed.filter { library in
      library.hasPrefix("libFoundation.so") || library.hasPrefix("libFoundationInternationalization")
        || library.hasPrefix("lib_FoundationICU") || library.hasPrefix("libicu")
    }
    #expect(forbidden.isEmpty, "bootstrap links \(forbidden)")
  }

  /// With `--static-swift-stdlib` Foundation would be linked in statically, invisible to NEEDED: look at the symbols.
  @Test func releaseBootstrapContainsNoFoundationOrICUCode() throws {
    guard let path = try releasePath() else { return }
    let symbols = try run("nm", [path]).split(separator: "\n")
    try #require(!symbols.isEmpty, "\(path) has no symbol table (stripped?); test the unstripped build")
    let foundation = symbols.filter { $0.contains("$s10Foundation") }
    let icu = symbols.filter { $0.contains("ucol_open") || $0.contains("ubrk_open") || $0.contains("_FoundationICU") }
    #expect(foundation.isEmpty, "Foundation symbols: \(foundation.prefix(3))")
    #expect(icu.isEmpty, "ICU symbols: \(icu.prefix(3))")
    #expect(symbols.contains { $0.contains("$s20FoundationEssentials") }, "expected FoundationEssentials symbols")
  }

  /// The budget of issue 4; BOOTSTRAP_RELEASE_PATH is built as infra/package.sh ships it, then stripped here.
  @Test func strippedReleaseBootstrapIsUnder25MB() throws {
    guard let path = try releasePath() else { return }
    let stripped = FileManager.default.temporaryDirectory.appendingPathComponent("bootstrap-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: stripped) }
    _ = try run("strip", ["-o", stripped, path])
    let bytes = try #require(try FileManager.default.attributesOfItem(atPath: stripped)[.size] as? Int)
    #expect(bytes > 1_000_000, "\(bytes) bytes is not a whole bootstrap")
    #expect(bytes < 25_000_000, "stripped bootstrap is \(bytes) bytes")
  }
}
