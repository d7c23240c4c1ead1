/// Which attribute holds the expiry time, and whether TTL is on.
public struct TimeToLiveSpecification: Codable, Hashable, Sendable {
  /// Attribute holding epoch seconds.
  public var attributeName: String
  /// Whether expiry is enabled.
  public var enabled: Bool

  /// A TTL specification.
  public init(attributeName: String, enabled: Bool) {
    self.attributeName = attributeName
    self.enabled = enabled
  }

  enum CodingKeys: String, CodingKey {
    case attributeName = "AttributeName"
    case enabled = "Enabled"
  }
}

public struct UpdateTimeToLiveInput: Encodable, Sendable {
  public var tableName: String
  /// The TTL setting.
  public var timeToLiveSpecification: TimeToLiveSpecification

  /// An UpdateTimeToLive request.
  public init(tableName: String, timeToLiveSpecification: TimeToLiveSpecification) {
    self.tableName = tableName
    self.timeToLiveSpecification = timeToLiveSpecification
  }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
    case timeToLiveSpecification = "TimeToLiveSpecification"
  }
}

public struct UpdateTimeToLiveOutput: Decodable, Sendable {
  /// The TTL setting now in effect.
  public var timeToLiveSpecification: TimeToLiveSpecification?

  enum CodingKeys: String, CodingKey {
    case timeToLiveSpecification = "TimeToLiveSpecification"
  }
}
