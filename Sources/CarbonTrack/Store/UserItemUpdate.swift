import DynamoDB

/// An `Update` of a user item that keeps its invariants: the user exists and is not being deleted (see
/// `deleteAllData`), and the write's token is recorded on it, at most once, so a repeated attempt can neither
/// apply twice nor miss that it already committed.
struct UserItemUpdate {
  private var adds: [String] = []
  private var sets = ["lastWriteToken = :token"]
  private var conditions = [
    "attribute_exists(userId)", "attribute_not_exists(deleting)",
    "(attribute_not_exists(lastWriteToken) OR lastWriteToken <> :token)",
  ]
  private var names: [String: String] = [:]
  private var values: Item

  init(token: String) {
    values = [":token": .s(token)]
  }

  /// `ADD attribute value`.
  mutating func add(_ attribute: String, _ value: AttributeValue) {
    adds.append(placeholder(attribute, value))
  }

  /// `SET attribute = value`.
  mutating func set(_ attribute: String, _ value: AttributeValue) {
    let pair = placeholder(attribute, value).split(separator: " ")
    sets.append("\(pair[0]) = \(pair[1])")
  }

  /// An extra condition, with the names and values it uses.
  mutating func require(_ condition: String, names conditionNames: [String: String] = [:], values conditionValues: Item)
  {
    conditions.append(condition)
    names.merge(conditionNames) { _, new in new }
    values.merge(conditionValues) { _, new in new }
  }

  func item(table: String, key: Item) -> TransactWriteItem {
    var expression = "SET " + sets.joined(separator: ", ")
    if !adds.isEmpty { expression += " ADD " + adds.joined(separator: ", ") }
    return .update(
      tableName: table, key: key, updateExpression: expression,
      conditionExpression: conditions.joined(separator: " AND "), expressionAttributeNames: names.isEmpty ? nil : names,
      expressionAttributeValues: values)
  }

  /// `#aN :vN` for `attribute` and `value`, registering both.
  private mutating func placeholder(_ attribute: String, _ value: AttributeValue) -> String {
    let index = values.count
    names["#a\(index)"] = attribute
    values[":v\(index)"] = value
    return "#a\(index) :v\(index)"
  }
}
