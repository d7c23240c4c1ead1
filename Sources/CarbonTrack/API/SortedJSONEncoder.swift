import SharedSupport

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Encodes response bodies as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` spells them, at a
/// fraction of its cost: `JSONEncoder` was a seventh of a one-call API request's instructions.
///
/// Keys are ordered by their UTF-8 bytes and numbers spelled as `JSONEncoder` spells them (`100`, `0.1`, `1e-07`,
/// `-0`). Strings are escaped by `JSONWriter`, which also escapes the controls a log viewer or a script could act on;
/// the text a client decodes is the same. Types `JSONEncoder` encodes its own way (`Data`, `URL`, `Decimal`) and
/// numbers JSON cannot hold make it throw, and `JSONCoding` then hands the value to `JSONEncoder`.
enum SortedJSONEncoder {
  struct Unsupported: Error {}

  static func encode(_ value: some Encodable) throws -> [UInt8] {
    var writer = JSONWriter(capacity: 512)
    try encodedValue(value, codingPath: []).write(to: &writer)
    return writer.bytes
  }

  static func encodedValue<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws -> EncodedJSONValue {
    if Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self { throw Unsupported() }
    let encoder = ValueEncoder(codingPath: codingPath, slot: EncodedJSONSlot())
    try value.encode(to: encoder)
    // A value that encodes nothing is an empty object to `JSONEncoder`.
    return encoder.slot.value ?? .object(EncodedJSONObject())
  }

  static func number(_ value: Double) throws -> EncodedJSONValue {
    guard value.isFinite else { throw Unsupported() }
    return .number(trimmed(value.description))
  }

  static func number(_ value: Float) throws -> EncodedJSONValue {
    guard value.isFinite else { throw Unsupported() }
    return .number(trimmed(value.description))
  }

  /// `100.0` is written `100`, as `JSONEncoder` writes it.
  private static func trimmed(_ description: String) -> String {
    description.hasSuffix(".0") ? String(description.dropLast(2)) : description
  }
}

/// The `Encoder` one value is encoded with; it keeps what the value encodes in `slot`.
final class ValueEncoder: Encoder {
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  let slot: EncodedJSONSlot

  init(codingPath: [any CodingKey], slot: EncodedJSONSlot) {
    self.codingPath = codingPath
    self.slot = slot
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(KeyedJSONContainer(object: object(), codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedJSONContainer(array: array(), codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { SingleJSONContainer(encoder: self) }

  /// The object this value already is, for a second request of a keyed container; a new one otherwise.
  private func object() -> EncodedJSONObject {
    if case .object(let existing)? = slot.value { return existing }
    let object = EncodedJSONObject()
    slot.value = .object(object)
    return object
  }

  private func array() -> EncodedJSONArray {
    if case .array(let existing)? = slot.value { return existing }
    let array = EncodedJSONArray()
    slot.value = .array(array)
    return array
  }
}
