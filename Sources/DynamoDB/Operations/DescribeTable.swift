public struct DescribeTableInput: Encodable, Sendable {
  public var tableName: String

  /// A DescribeTable request.
  public init(tableName: String) { self.tableName = tableName }

  enum CodingKeys: String, CodingKey {
    case tableName = "TableName"
  }
}

public struct DescribeTableOutput: Decodable, Sendable {
  public var table: TableDescription

  enum CodingKeys: String, CodingKey {
    case table = "Table"
  }
}
