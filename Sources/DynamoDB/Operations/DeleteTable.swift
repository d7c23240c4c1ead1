public struct DeleteTableInput: Encodable, Sendable {
  public var tableName: String

  /// A DeleteTable request.
  public init(tableName: String) { self.tableName = tableName }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
  }
}

public struct DeleteTableOutput: Decodable, Sendable {
  /// The table being deleted.
  public var tableDescription: TableDescription

  enum CodingKeys: String, CodingKey {
    case tableDescription = "TableDescription"
  }
}
