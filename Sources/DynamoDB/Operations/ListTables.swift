public struct ListTablesInput: Encodable, Sendable {
  /// Start after this table name (from a previous page).
  public var exclusiveStartTableName: String?
  /// Maximum names per page (1–100).
  public var limit: Int?

  /// A ListTables request.
  public init(exclusiveStartTableName: String? = nil, limit: Int? = nil) {
    self.exclusiveStartTableName = exclusiveStartTableName
    self.limit = limit
  }

  enum CodingKeys: String, CodingKey {
    case exclusiveStartTableName = "ExclusiveStartTableName"
    case limit = "Limit"
  }
}

public struct ListTablesOutput: Decodable, Sendable {
  /// Table names on this page.
  public var tableNames: [String]
  /// Pass as `exclusiveStartTableName` to get the next page; `nil` at the end.
  public var lastEvaluatedTableName: String?

  enum CodingKeys: String, CodingKey {
    case tableNames = "TableNames"
    case lastEvaluatedTableName = "LastEvaluatedTableName"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    tableNames = try container.decodeIfPresent([String].self, forKey: .tableNames) ?? []
    lastEvaluatedTableName = try container.decodeIfPresent(String.self, forKey: .lastEvaluatedTableName)
  }
}
