import Foundation
import Testing

/// The suite runner reads requests as AWS's suite does, and fails when the suite's files are missing.
@Suite struct SigV4SuiteLoadingTests {
  @Test func continuationLinesExtendThePreviousHeaderValue() throws {
    let text =
      "GET /a b?x=1 HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value1\n  value2\n\tvalue3\nX:y\n\nbody\n\nend"
    let request = try RawHTTPRequest(parsing: text)
    #expect(request.method == "GET")
    #expect(request.path == "/a b")
    #expect(request.query == "x=1")
    #expect(request.headers.map(\.name) == ["Host", "My-Header1", "X"])
    #expect(request.headers.map(\.value) == ["example.amazonaws.com", "value1\n  value2\n\tvalue3", "y"])
    #expect(request.body == "body\n\nend")
  }

  @Test func aCRLFPairStaysTwoBytesOfTheValue() throws {
    let request = try RawHTTPRequest(parsing: "GET / HTTP/1.1\nMy-Header1:a\r\n b\n")
    #expect(request.headers.map(\.value) == ["a\r\n b"])
    #expect(request.body.isEmpty)
  }

  @Test func aContinuationLineWithNoHeaderBeforeItIsAnError() {
    #expect(throws: RawHTTPRequest.ParseError.self) { try RawHTTPRequest(parsing: "GET / HTTP/1.1\n  value\n") }
  }

  @Test func aMissingSuiteDirectoryFails() {
    let missing = FileManager.default.temporaryDirectory.appending(path: "no-sigv4-suite-\(UUID().uuidString)")
    #expect(throws: (any Error).self) { try SigV4SuiteCase.loadAll(from: missing) }
  }

  @Test func anEmptySuiteDirectoryFails() throws {
    try withTemporaryDirectory { directory in
      #expect(throws: SigV4SuiteCase.SuiteError.self) { try SigV4SuiteCase.loadAll(from: directory) }
    }
  }

  @Test func aCaseFolderWithoutItsFilesFails() throws {
    try withTemporaryDirectory { directory in
      try FileManager.default.createDirectory(
        at: directory.appending(path: "get-vanilla"), withIntermediateDirectories: false)
      #expect(throws: (any Error).self) { try SigV4SuiteCase.loadAll(from: directory) }
    }
  }

  private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "sigv4-suite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
  }
}
