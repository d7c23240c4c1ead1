/// An inclusive time range of entries to read.
public struct EntryRange: Sendable, Hashable {
  public var from: Timestamp
  public var to: Timestamp

  /// A range from `from` to `to`, both inclusive.
  public init(from: Timestamp, to: Timestamp) {
    self.from = from
    self.to = to
  }

  /// Every entry that can exist.
  public static let all = EntryRange(from: .earliestAccepted, to: .latestRepresentable)

  /// The UTC calendar month that contains `day`.
  public static func month(containing day: CivilDate) -> EntryRange {
    let first = day.firstOfMonth
    let next = CivilDate(daysSinceEpoch: first.daysSinceEpoch + 31).firstOfMonth
    return EntryRange(
      from: Timestamp(startOf: first), to: Timestamp(endOf: CivilDate(daysSinceEpoch: next.daysSinceEpoch - 1)))
  }
}
