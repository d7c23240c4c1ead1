/// Capacity units an operation consumed (when asked for with `ReturnConsumedCapacity`).
public struct ConsumedCapacity: Codable, Hashable, Sendable {
  /// Table name.
  public var tableName: String?
  /// Total capacity units.
  public var capacityUnits: Double?
  /// Read capacity units.
  public var readCapacityUnits: Double?
  /// Write capacity units.
  public var writeCapacityUnits: Double?

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case capacityUnits = "CapacityUnits"
    case readCapacityUnits = "ReadCapacityUnits"
    case writeCapacityUnits = "WriteCapacityUnits"
  }
}
