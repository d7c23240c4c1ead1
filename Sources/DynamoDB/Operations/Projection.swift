/// The attributes copied into an index.
public struct Projection: Codable, Hashable, Sendable {
  /// `ALL`, `KEYS_ONLY` or `INCLUDE`.
  public var projectionType: ProjectionType
  /// Extra attributes for `INCLUDE`.
  public var nonKeyAttributes: [String]?

  public init(projectionType: ProjectionType, nonKeyAttributes: [String]? = nil) {
    self.projectionType = projectionType
    self.nonKeyAttributes = nonKeyAttributes
  }

  /// Project every attribute.
  public static let all = Projection(projectionType: .all)
  public static let keysOnly = Projection(projectionType: .keysOnly)

  enum CodingKeys: String, CodingKey {
    case projectionType = "ProjectionType"
    case nonKeyAttributes = "NonKeyAttributes"
  }
}
