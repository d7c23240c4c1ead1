import DynamoDB

/// One user's emissions per day and category in one calendar month, kept as one item of the entries table beside
/// the entries (sort key `totals#YYYY-MM`) and changed with `ADD` in the same transaction as every entry write.
///
/// Goal progress, achievements and analytics read these instead of the entries, so their cost depends on the
/// months they cover, not on how many entries the user has. They live in their own items rather than in the user
/// item, which would grow by up to 310 attributes a month until it hit DynamoDB's 400 KB item limit. The sort key
/// starts with a letter, so it sorts after every entry key (which start with a year) and never falls inside an
/// entry query's `BETWEEN`.
enum MonthTotals {
  static let sortKeyPrefix = "totals#"

  /// One day's total for one category.
  struct DayTotal: Sendable, Equatable {
    var day: CivilDate
    var category: EntryCategory
    var micro: Int128
    var count: Int
  }

  /// `totals#YYYY-MM` for the month containing `day`.
  static func sortKey(_ day: CivilDate) -> String { sortKeyPrefix + day.monthKey }

  /// The attribute of a category's amount (micro-kg as a decimal in kg) on a day of the month, e.g. `kg_food_07`.
  static func amountAttribute(_ category: EntryCategory, day: Int64) -> String {
    "kg_" + category.rawValue + "_" + Timestamp.pad(day, 2)
  }

  /// The attribute of a category's entry count on a day of the month, e.g. `n_food_07`.
  static func countAttribute(_ category: EntryCategory, day: Int64) -> String {
    "n_" + category.rawValue + "_" + Timestamp.pad(day, 2)
  }

  /// The `ADD` of `changes` (micro-kg and entry count per category) on `day` to its month's item.
  static func update(
    table: String, userId: String, day: CivilDate, changes: [EntryCategory: (micro: Int128, count: Int)]
  ) -> TransactWriteItem {
    var adds: [String] = []
    var names: [String: String] = [:]
    var values: Item = [:]
    for (index, (category, change)) in changes.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated() {
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

  /// The day totals an item holds (days with a count of zero included; they read as nothing).
  static func totals(in item: Item) -> [DayTotal] {
    guard case .s(let key)? = item["timestamp"], key.hasPrefix(sortKeyPrefix),
      let first = CivilDate(iso8601: String(key.dropFirst(sortKeyPrefix.count)) + "-01")
    else { return [] }
    var totals: [DayTotal] = []
    for category in EntryCategory.allCases {
      for day in 1...CivilDate.daysIn(month: first.month, year: first.year) {
        guard let count = scaled(item[countAttribute(category, day: day)], decimals: 0) else { continue }
        let micro = scaled(item[amountAttribute(category, day: day)], decimals: 6) ?? 0
        if let date = CivilDate(year: first.year, month: first.month, day: day) {
          totals.append(DayTotal(day: date, category: category, micro: micro, count: Int(clamping: count)))
        }
      }
    }
    return totals
  }

  private static func scaled(_ value: AttributeValue?, decimals: Int) -> Int128? {
    value?.numberValue.flatMap(DynamoDBNumber.init)?.scaled(byPowerOfTen: decimals)
  }
}
