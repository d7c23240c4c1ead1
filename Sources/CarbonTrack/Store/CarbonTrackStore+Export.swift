import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension CarbonTrackStore {
  /// Entries read per DynamoDB page while exporting: small enough that memory stays flat however long the history
  /// (a page is about 300 KB of JSON), large enough that the page round trips do not dominate.
  static let exportPageSize = 1000
  /// Lines are handed on in chunks of about this many bytes, so the stream neither waits for whole pages nor
  /// sends one tiny chunk per entry.
  static let exportChunkBytes = 64 * 1024

  /// The user's whole data as NDJSON, the "right of access" twin of `deleteAllData`: a `user` line, then one
  /// `entry` line per entry (oldest first, read page by page), the `goal` lines (with progress), the
  /// `achievement` lines, and last a `summary` line with the counts, so a client can tell a complete export from
  /// a cut one. Each line is `{"type": ..., "data": ...}` with `data` as the API returns that item.
  ///
  /// `emit` receives whole lines, about `exportChunkBytes` at a time; the first chunk (the profile) goes out
  /// before any entry is read. `notFound` (before anything is emitted) when the user does not exist.
  package func exportData(_ userId: String, emit: (_ lines: [UInt8]) async throws -> Void) async throws
    -> ExportSummary
  {
    var output = ExportLineWriter()
    try output.append("user", try await getUser(userId))
    try await output.flush(to: emit)

    var summary = ExportSummary()
    var input = rangeQuery(userId, .all)
    input.limit = Self.exportPageSize
    input.consistentRead = true
    for try await page in client.queryPaginator(input, maxPages: nil) {
      for item in page.items {
        try output.append("entry", try decoder.decode(CarbonEntry.self, from: item))
        summary.entries += 1
      }
      if output.pending >= Self.exportChunkBytes { try await output.flush(to: emit) }
    }
    var goalCursor: String?
    repeat {
      let page = try await listGoals(userId, after: goalCursor)
      for goal in page.goals {
        try output.append("goal", goal)
        summary.goals += 1
      }
      goalCursor = try page.nextCursor.map { try PageCursor.decode($0, userId: userId) { _ in true } }
    } while goalCursor != nil
    for achievement in try await achievements(userId) {
      try output.append("achievement", achievement)
      summary.achievements += 1
    }
    try output.append("summary", summary)
    try await output.flush(to: emit)
    return summary
  }
}

/// The counts an export ends with.
package struct ExportSummary: Sendable, Codable, Equatable {
  package var entries = 0
  package var goals = 0
  package var achievements = 0
}

/// Collects NDJSON lines and hands them on in chunks.
private struct ExportLineWriter {
  private struct Line<Data: Encodable>: Encodable {
    var type: String
    var data: Data
  }

  private var buffer: [UInt8] = []
  /// One encoder for the whole export (each costs a few allocations to make).
  private let encoder = JSONCoding.encoder

  var pending: Int { buffer.count }

  mutating func append(_ type: String, _ data: some Encodable) throws {
    buffer += try encoder.encode(Line(type: type, data: data))
    buffer.append(UInt8(ascii: "\n"))
  }

  mutating func flush(to emit: (_ lines: [UInt8]) async throws -> Void) async throws {
    guard !buffer.isEmpty else { return }
    try await emit(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
