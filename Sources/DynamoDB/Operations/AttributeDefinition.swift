/// The type of a key attribute.
public struct AttributeDefinition: Codable, Hashable, Sendable {
  public var attributeName: String
  /// `S`, `N` or `B`.
  public var attributeType: ScalarAttributeType

  /// An attribute definition.
  public init(attributeName: String, attributeType: ScalarAttributeType) {
    self.attributeName = attributeName
    self.attributeType = attributeType
  }

  enum CodingKeys: String, CodingKey {
    case attributeName = "AttributeName"
    case attributeType = "AttributeType"
  }
}
