import DynamoDB
import SharedSupport

/// One user's emissions per day in one calendar month, kept as one item of the entries table beside the entries
/// (sort key `totals#YYYY-MM`) and changed with `ADD` in the same transaction as every entry write.
///
/// Goal progress, achievements and analytics read these instead of the entries, so their cost depends on the
/// months they cover, not on how many entries the user has. Each day has two views: its total over all categories
/// (`kg_DD`, `n_DD`), which goals and achievements read through a projection of just the days they need, and its
/// totals per category (`kg_<category>_DD`, `n_<category>_DD`) for analytics by category. They live in their own
/// items rather than in the user item, which would grow by hundreds of attributes a month until it hit
/// DynamoDB's 400 KB item limit. The sort key starts with a letter, so it sorts after every entry key (which
/// starts with a year) and never falls inside an entry query's `BETWEEN`.
enum MonthTotals {
  static let sortKeyPrefix = "totals#"

  /// One day's total, for one category or (category nil) for all of them.
  struct DayTotal: Sendable, Equatable {
    var day: CivilDay
    var category: EntryCategory?
    var micro: Int128
    var count: Int
  }

  /// `totals#YYYY-MM` for the month containing `day`.
  static func sortKey(_ day: CivilDay) -> String { sortKeyPrefix + day.monthKey }

  /// `kg_[<category>_]DD`: the amount (a decimal in kg) of a day of the month, for a category or all.
  static func amountAttribute(_ category: EntryCategory?, day: Int64) -> String {
    "kg_" + (category.map { $0.rawValue + "_" } ?? "") + ZeroPadded.string(day, width: 2)
  }

  /// `n_[<category>_]DD`: the entry count of a day of the month, for a category or all.
  static func countAttribute(_ category: EntryCategory?, day: Int64) -> String {
    "n_" + (category.map { $0.rawValue + "_" } ?? "") + ZeroPadded.string(day, width: 2)
  }

  /// The `ADD` of `changes` (micro-kg and entry count per category) on `day`, to its category totals and to the
  /// day's total.
  static func update(
    table: String, userId: String, day: CivilDay, changes: [EntryCategory: (micro: Int128, count: Int)]
  ) -> TransactWriteItem {
    let all = changes.values.reduce((micro: Int128(0), count: 0)) { ($0.micro + $1.micro, $0.count + $1.count) }
    var adds: [String] = []
    var names: [String: String] = [:]
    var values: Item = [:]
    let rows = [(nil, all)] + changes.sorted { $0.key.rawValue < $1.key.rawValue }.map { (Optional($0.key), $0.value) }
    for (index, (category, change)) in rows.enumerated() {
      adds.append("#a\(index) :a\(index), #n\(index) :n\(index)")
      names["#a\(index)"] = amountAttribute(category, day: day.day)
      names["#n\(index)"] = countAttribute(category, day: day.day)
      values[":a\(index)"] = .n(Kilograms.decimalString(micro: change.micro))
      values[":n\(index)"] = .number(change.count)
    }
    return .update(
      tableName: table, key: ["userId": .s(userId), "timestamp": .s(sortKey(day))],
      updateExpression: "ADD " + adds.joined(separator: ", "), expressionAttributeNames: names,
      expressionAttributeValues: values)
  }

  /// The projection that reads only the all-category totals of the given days of the month (≤ 62 names, so the
  /// answer stays small however full the months are).
  static func dayTotalsProjection(days: ClosedRange<Int64>) -> String {
    (["userId", "#ts"] + days.flatMap { [amountAttribute(nil, day: $0), countAttribute(nil, day: $0)] })
      .joined(separator: ", ")
  }

  /// The totals an item holds, in one pass over its attributes: per category when `byCategory`, else per day.
  static func totals(in item: Item, byCategory: Bool) -> [DayTotal] {
    guard case .s(let key)? = item["timestamp"], key.hasPrefix(sortKeyPrefix),
      let first = CivilDay(iso8601: String(key.dropFirst(sortKeyPrefix.count)) + "-01")
    else { return [] }
    // One slot per day (1–31) and category (0 for all of them, then each category), indexed without hashing.
    let columns = EntryCategory.allCases.count + 1
    var slots = [DayTotal?](repeating: nil, count: 32 * columns)
    for (name, value) in item {
      guard let (isAmount, category, day) = parse(name), (category != nil) == byCategory,
        case .n(let text) = value, let number = DynamoDBNumber(text),
        let date = CivilDay(year: first.year, month: first.month, day: day)
      else { continue }
      let column = category.flatMap { EntryCategory.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
      let slot = Int(day) * columns + column
      var total = slots[slot] ?? DayTotal(day: date, category: category, micro: 0, count: 0)
      if isAmount {
        total.micro = number.scaled(byPowerOfTen: 6) ?? 0
      } else {
        total.count = Int(clamping: number.scaled(byPowerOfTen: 0) ?? 0)
      }
      slots[slot] = total
    }
    return slots.compactMap { $0 }
  }

  /// `kg_DD`, `n_DD`, `kg_<category>_DD`, `n_<category>_DD` → (is an amount, category, day); nil for others.
  /// Read as bytes: a month item has up to ~430 such names, and `String` prefix tests compare by Unicode rules.
  private static func parse(_ name: String) -> (Bool, EntryCategory?, Int64)? {
    var name = name
    return name.withUTF8 { bytes in
      let isAmount = bytes.starts(with: "kg_".utf8)
      let start = isAmount ? 3 : 2
      guard isAmount || bytes.starts(with: "n_".utf8), bytes.count >= start + 2,
        let tens = digit(bytes[bytes.count - 2]), let ones = digit(bytes[bytes.count - 1])
      else { return nil }
      var category: EntryCategory?
      if bytes.count > start + 2 {
        // "kg_food_07": the category sits between the prefix and "_DD".
        let categoryEnd = bytes.count - 3
        guard bytes[categoryEnd] == UInt8(ascii: "_") else { return nil }
        let categoryName = UnsafeBufferPointer(rebasing: bytes[start..<categoryEnd])
        guard let match = EntryCategory.allCases.first(where: { $0.rawValue.utf8.elementsEqual(categoryName) })
        else { return nil }
        category = match
      }
      return (isAmount, category, Int64(tens * 10 + ones))
    }
  }

  private static func digit(_ byte: UInt8) -> Int? {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
  }
}
