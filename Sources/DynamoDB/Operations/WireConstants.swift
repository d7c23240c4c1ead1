/// A DynamoDB enumeration value; unknown values from newer service versions are kept, not rejected.
public protocol DynamoDBWireConstant: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
  init(rawValue: String)
}

extension DynamoDBWireConstant {
  public var description: String { rawValue }
}

/// `HASH` or `RANGE`.
public struct KeyType: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Partition key.
  public static let hash = KeyType(rawValue: "HASH")
  /// Sort key.
  public static let range = KeyType(rawValue: "RANGE")
}

/// Key attribute type: `S`, `N` or `B`.
public struct ScalarAttributeType: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// String.
  public static let s = ScalarAttributeType(rawValue: "S")
  /// Number.
  public static let n = ScalarAttributeType(rawValue: "N")
  /// Binary.
  public static let b = ScalarAttributeType(rawValue: "B")
}

/// `PAY_PER_REQUEST` or `PROVISIONED`.
public struct BillingMode: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// On-demand capacity.
  public static let payPerRequest = BillingMode(rawValue: "PAY_PER_REQUEST")
  /// Provisioned capacity.
  public static let provisioned = BillingMode(rawValue: "PROVISIONED")
}

/// A table's or index's lifecycle state.
public struct TableStatus: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Being created.
  public static let creating = TableStatus(rawValue: "CREATING")
  /// Ready for use.
  public static let active = TableStatus(rawValue: "ACTIVE")
  /// Being updated.
  public static let updating = TableStatus(rawValue: "UPDATING")
  /// Being deleted.
  public static let deleting = TableStatus(rawValue: "DELETING")
}

/// Which item image a write returns: `NONE`, `ALL_OLD`, `UPDATED_OLD`, `ALL_NEW`, `UPDATED_NEW`.
public struct ReturnValue: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Nothing.
  public static let none = ReturnValue(rawValue: "NONE")
  /// The whole item before the write.
  public static let allOld = ReturnValue(rawValue: "ALL_OLD")
  /// Updated attributes before the write.
  public static let updatedOld = ReturnValue(rawValue: "UPDATED_OLD")
  /// The whole item after the write.
  public static let allNew = ReturnValue(rawValue: "ALL_NEW")
  /// Updated attributes after the write.
  public static let updatedNew = ReturnValue(rawValue: "UPDATED_NEW")
}

/// Whether a failed condition returns the existing item: `ALL_OLD` or `NONE`.
public struct ReturnValuesOnConditionCheckFailure: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Return the existing item in the error.
  public static let allOld = ReturnValuesOnConditionCheckFailure(rawValue: "ALL_OLD")
  /// Return nothing.
  public static let none = ReturnValuesOnConditionCheckFailure(rawValue: "NONE")
}

/// What a query or scan returns: `ALL_ATTRIBUTES`, `ALL_PROJECTED_ATTRIBUTES`, `SPECIFIC_ATTRIBUTES`, `COUNT`.
public struct Select: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Every attribute.
  public static let allAttributes = Select(rawValue: "ALL_ATTRIBUTES")
  /// Attributes projected into the index.
  public static let allProjectedAttributes = Select(rawValue: "ALL_PROJECTED_ATTRIBUTES")
  /// Those named by the projection expression.
  public static let specificAttributes = Select(rawValue: "SPECIFIC_ATTRIBUTES")
  /// Only the count of matching items.
  public static let count = Select(rawValue: "COUNT")
}

/// Whether to report consumed capacity: `INDEXES`, `TOTAL` or `NONE`.
public struct ReturnConsumedCapacity: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Per table and index.
  public static let indexes = ReturnConsumedCapacity(rawValue: "INDEXES")
  /// Total only.
  public static let total = ReturnConsumedCapacity(rawValue: "TOTAL")
  /// Nothing.
  public static let none = ReturnConsumedCapacity(rawValue: "NONE")
}

/// Which attributes an index holds: `ALL`, `KEYS_ONLY` or `INCLUDE`.
public struct ProjectionType: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Every attribute.
  public static let all = ProjectionType(rawValue: "ALL")
  /// Only key attributes.
  public static let keysOnly = ProjectionType(rawValue: "KEYS_ONLY")
  /// Keys plus the listed non-key attributes.
  public static let include = ProjectionType(rawValue: "INCLUDE")
}
