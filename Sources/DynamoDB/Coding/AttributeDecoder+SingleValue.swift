extension AttributeDecoder: SingleValueDecodingContainer {
  func decodeNil() -> Bool { value == .null }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let flag) = value else { throw mismatch("BOOL") }
    return flag
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .s(let text) = value else { throw mismatch("S (string)") }
    return text
  }

  func decode(_ type: Double.Type) throws -> Double {
    let text = try numberText()
    guard let number = Double(text) else { throw invalid("'\(text)' is not a valid Double") }
    return number
  }

  func decode(_ type: Float.Type) throws -> Float {
    let text = try numberText()
    guard let number = Float(text) else { throw invalid("'\(text)' is not a valid Float") }
    return number
  }

  func decode(_ type: Int.Type) throws -> Int { try integer() }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
  func decode(_ type: UInt.Type) throws -> UInt { try integer() }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try unbox(type) }

  /// Exact integer parsing; falls back to `Double` only for forms like `1E3` or `5.0` that are still whole.
  private func integer<T: FixedWidthInteger>() throws -> T {
    let text = try numberText()
    if let number = T(text) { return number }
    if let double = Double(text), let number = T(exactly: double) { return number }
    throw invalid("'\(text)' is not a whole number that fits in \(T.self)")
  }
}
