/// One page of entries, newest first unless asked otherwise.
public struct EntryPage: Sendable, Codable, Equatable {
  public var entries: [CarbonEntry]
  /// Pass back as `cursor` for the next page; nil on the last page.
  public var nextCursor: String?

  /// Creates a page.
  public init(entries: [CarbonEntry], nextCursor: String?) {
    self.entries = entries
    self.nextCursor = nextCursor
  }
}
