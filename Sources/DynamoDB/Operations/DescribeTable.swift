/// DescribeTable request.
public struct DescribeTableInput: Encodable, Sendable {
  /// Table name.
  public var tableName: String

  /// A DescribeTable request.
  public init(tableName: String) { self.tableName = tableName }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
  }
}

/// DescribeTable response.
public struct DescribeTableOutput: Decodable, Sendable {
  /// The table.
  public var table: TableDescription

  enum CodingKeys: String, CodingKey {
    case table = "Table"
  }
}
