import Foundation
import Testing

@Suite("bootstrap: release binary linkage", .timeLimit(.minutes(1)))
struct BootstrapLinkageTests {
  @Test func releaseBootstrapDoesNotLinkFoundationOrICU() throws {
    guard let path = BootstrapBinary.releasePath else {
      try #require(!BootstrapBinary.isCI, "BOOTSTRAP_RELEASE_PATH must be set when CI=true")
      return
    }
    let readelf = Process()
    readelf.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    readelf.arguments = ["readelf", "-d", path]
    let output = Pipe()
    readelf.standardOutput = output
    try readelf.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    readelf.waitUntilExit()
    #expect(readelf.terminationStatus == 0)
    let needed = text.split(separator: "\n").filter { $0.contains("(NEEDED)") }
      .compactMap { $0.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
    #expect(!needed.isEmpty, "readelf printed no NEEDED entries for \(path)")
    let forbidden = needed.filter { library in
      library.hasPrefix("libFoundation.so") || library.hasPrefix("libFoundationInternationalization")
        || library.hasPrefix("lib_FoundationICU") || library.hasPrefix("libicu")
    }
    #expect(forbidden.isEmpty, "bootstrap links \(forbidden)")
  }
}
