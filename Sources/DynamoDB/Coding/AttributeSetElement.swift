#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A type whose `Set` is stored as a DynamoDB set (`SS`, `NS` or `BS`) rather than a list.
protocol AttributeSetElement: Hashable {
  /// The set attribute holding `elements`.
  static func makeSet(_ elements: [Self]) throws -> AttributeValue
}

extension String: AttributeSetElement {
  static func makeSet(_ elements: [String]) -> AttributeValue { .ss(elements.sorted()) }
}

extension Data: AttributeSetElement {
  static func makeSet(_ elements: [Data]) -> AttributeValue { .bs(elements) }
}

extension UUID: AttributeSetElement {
  static func makeSet(_ elements: [UUID]) -> AttributeValue { .ss(elements.map(\.uuidString).sorted()) }
}

extension DynamoDBNumber: AttributeSetElement {
  static func makeSet(_ elements: [DynamoDBNumber]) -> AttributeValue { .ns(elements.map(\.text)) }
}

extension Int: AttributeSetElement {}
extension Int8: AttributeSetElement {}
extension Int16: AttributeSetElement {}
extension Int32: AttributeSetElement {}
extension Int64: AttributeSetElement {}
extension UInt: AttributeSetElement {}
extension UInt8: AttributeSetElement {}
extension UInt16: AttributeSetElement {}
extension UInt32: AttributeSetElement {}
extension UInt64: AttributeSetElement {}

extension BinaryInteger where Self: AttributeSetElement {
  static func makeSet(_ elements: [Self]) -> AttributeValue { .ns(elements.sorted().map { String($0) }) }
}

extension Double: AttributeSetElement {
  static func makeSet(_ elements: [Double]) throws -> AttributeValue {
    guard elements.allSatisfy(\.isFinite) else {
      throw DynamoDBCodingError.unsupportedValue(path: "<set>", reason: "DynamoDB numbers must be finite")
    }
    return .ns(elements.sorted().map(\.dynamoDBNumberText))
  }
}

/// `Set<Element>` for supported elements; the encoder and decoder recognise it through this protocol.
protocol AttributeSetRepresentable {
  /// The set attribute, or `nil` when empty (DynamoDB rejects empty sets, so the attribute is omitted).
  func makeSetAttribute() throws -> AttributeValue?
  /// The empty set, used when a set attribute is absent.
  static var emptySet: Self { get }
}

extension Set: AttributeSetRepresentable where Element: AttributeSetElement {
  func makeSetAttribute() throws -> AttributeValue? {
    isEmpty ? nil : try Element.makeSet(Array(self))
  }

  static var emptySet: Set<Element> { [] }
}
