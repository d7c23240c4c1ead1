import SharedSupport

/// An inclusive time range of entries to read.
package struct EntryRange: Sendable, Hashable {
  package var from: Timestamp
  package var to: Timestamp

  /// A range from `from` to `to`, both inclusive.
  package init(from: Timestamp, to: Timestamp) {
    self.from = from
    self.to = to
  }

  /// Every entry that can exist.
  package static let all = EntryRange(from: .earliestAccepted, to: .latestRepresentable)

  /// The UTC calendar month that contains `day`.
  package static func month(containing day: CivilDay) -> EntryRange {
    let first = day.firstOfMonth
    let next = CivilDay(daysSinceEpoch: first.daysSinceEpoch + 31).firstOfMonth
    return EntryRange(
      from: Timestamp(startOf: first), to: Timestamp(endOf: CivilDay(daysSinceEpoch: next.daysSinceEpoch - 1)))
  }
}
