import DynamoDB

/// Maps `UserProfile` to and from its item, where the statistics are flat top-level attributes so `ADD` can
/// update them atomically (see docs/DYNAMODB_SCHEMA.md).
enum UserRecord {
  /// Per-category total attribute name, e.g. `kg_transport`.
  static func categoryAttribute(_ category: EntryCategory) -> String { "kg_" + category.rawValue }

  private struct Stored: Codable {
    var userId: String
    var email: String
    var displayName: String
    var units: UnitSystem
    var createdAt: Timestamp
    var updatedAt: Timestamp
    var version: Int
    var totalKgCO2e: Double?
    var lastEntryAt: Timestamp?
  }

  static func item(_ profile: UserProfile) throws -> Item {
    var item = try DynamoDBEncoder().encode(
      Stored(
        userId: profile.userId, email: profile.email, displayName: profile.displayName, units: profile.units,
        createdAt: profile.createdAt, updatedAt: profile.updatedAt, version: profile.version, totalKgCO2e: nil,
        lastEntryAt: profile.statistics.lastEntryAt))
    item["entryCount"] = .number(profile.statistics.entryCount)
    item["totalKgCO2e"] = .n(Kilograms.decimalString(profile.statistics.totalKgCO2e))
    for (name, kg) in profile.statistics.categoryTotals {
      if let category = EntryCategory(rawValue: name) {
        item[categoryAttribute(category)] = .n(Kilograms.decimalString(kg))
      }
    }
    return item
  }

  static func profile(_ item: Item) throws -> UserProfile {
    let stored = try DynamoDBDecoder().decode(Stored.self, from: item)
    var totals: [String: Double] = [:]
    for category in EntryCategory.allCases {
      if let text = item[categoryAttribute(category)]?.numberValue, let kg = Double(text) {
        totals[category.rawValue] = Kilograms.rounded(kg)
      }
    }
    return UserProfile(
      userId: stored.userId, email: stored.email, displayName: stored.displayName, units: stored.units,
      createdAt: stored.createdAt, updatedAt: stored.updatedAt, version: stored.version,
      statistics: UserStatistics(
        totalKgCO2e: Kilograms.rounded(stored.totalKgCO2e ?? 0), entryCount: count(item["entryCount"]),
        categoryTotals: totals, lastEntryAt: stored.lastEntryAt))
  }

  /// An item's count as an `Int`, saturating: DynamoDB numbers reach 9.9e125, and a count written around the API
  /// must still read.
  private static func count(_ value: AttributeValue?) -> Int {
    guard let text = value?.numberValue else { return 0 }
    if let exact = Int(text) { return exact }
    guard let approximate = Double(text), !approximate.isNaN else { return 0 }
    return approximate >= Double(Int.max) ? .max : approximate <= Double(Int.min) ? .min : Int(approximate)
  }
}
