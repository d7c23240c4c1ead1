/// One page of entries, newest first unless asked otherwise.
package struct EntryPage: Sendable, Codable, Equatable {
  package var entries: [CarbonEntry]
  /// Pass back as `cursor` for the next page; nil on the last page.
  package var nextCursor: String?

  /// Creates a page.
  package init(entries: [CarbonEntry], nextCursor: String?) {
    self.entries = entries
    self.nextCursor = nextCursor
  }
}
