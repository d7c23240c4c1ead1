/// Capacity units an operation consumed (when asked for with `ReturnConsumedCapacity`).
public struct ConsumedCapacity: Codable, Hashable, Sendable {
  public var tableName: String?
  /// Total capacity units.
  public var capacityUnits: Double?
  public var readCapacityUnits: Double?
  public var writeCapacityUnits: Double?

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case capacityUnits = "CapacityUnits"
    case readCapacityUnits = "ReadCapacityUnits"
    case writeCapacityUnits = "WriteCapacityUnits"
  }
}
