import SharedSupport

/// Collects field errors while converting loosely typed input into model values.
package struct FieldValidator: Sendable {
  /// The errors found so far, in the order found.
  package private(set) var errors: [FieldError] = []

  /// Creates an empty validator.
  package init() {}

  /// Records an error for `field`.
  package mutating func fail(_ field: String, _ message: String) {
    errors.append(FieldError(field: field, message: message))
  }

  /// Records an error unless `condition` holds.
  package mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
    if !condition { fail(field, message()) }
  }

  /// Throws `CarbonTrackError.validation` if any error was recorded.
  package func finish() throws(CarbonTrackError) {
    if !errors.isEmpty { throw .validation(errors) }
  }

  /// Returns `value`, or records "is required" and returns nil.
  package mutating func required<T>(_ value: T?, _ field: String) -> T? {
    if value == nil { fail(field, "is required") }
    return value
  }

  /// Checks a text field's length in UTF-8 bytes (after trimming) and that it has no control characters; returns it
  /// trimmed.
  ///
  /// Bytes, not characters: one grapheme can be hundreds of kilobytes of combining marks, and DynamoDB's item and
  /// key limits count bytes.
  @discardableResult
  package mutating func text(_ value: String?, _ field: String, maxLength: Int, required: Bool = true) -> String? {
    guard let value else {
      if required { fail(field, "is required") }
      return nil
    }
    let trimmed = value.trimmingWhitespace()
    if trimmed.isEmpty && required {
      fail(field, "must not be empty")
    } else if trimmed.utf8.count > maxLength {
      fail(field, "must be at most \(maxLength) bytes of UTF-8 text")
    } else if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
      fail(field, "must not contain control characters")
    } else {
      return trimmed
    }
    return nil
  }

  /// Checks that a number is finite and within `range`; returns it rounded to six decimals.
  @discardableResult
  package mutating func amount(_ value: Double?, _ field: String, in range: ClosedRange<Double>, required: Bool = true)
    -> Double?
  {
    guard let value else {
      if required { fail(field, "is required") }
      return nil
    }
    guard value.isFinite, range.contains(value) else {
      fail(field, "must be a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
      return nil
    }
    return Kilograms.rounded(value)
  }

  /// Parses an enum from its raw value, naming the allowed values on failure.
  package mutating func oneOf<E: RawRepresentable & CaseIterable>(
    _ value: String?, _ field: String, as type: E.Type, required: Bool = true
  ) -> E? where E.RawValue == String {
    guard let value else {
      if required { fail(field, "is required") }
      return nil
    }
    if let parsed = E(rawValue: value) { return parsed }
    fail(field, "must be one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
    return nil
  }

  /// Parses an ISO-8601 timestamp between 2000-01-01 and `latest`.
  package mutating func timestamp(_ value: String?, _ field: String, latest: Timestamp = .latestRepresentable)
    -> Timestamp?
  {
    guard let value else { return nil }
    guard let parsed = Timestamp(iso8601: value) else {
      fail(field, "must be an ISO-8601 date or date-time such as 2026-01-31 or 2026-01-31T12:00:00Z")
      return nil
    }
    guard parsed >= .earliestAccepted, parsed <= latest else {
      fail(field, "must be between \(Timestamp.earliestAccepted.iso8601) and \(latest.iso8601)")
      return nil
    }
    return parsed
  }

  /// Parses a `YYYY-MM-DD` calendar date.
  package mutating func date(_ value: String?, _ field: String, required: Bool = true) -> CivilDay? {
    guard let value else {
      if required { fail(field, "is required") }
      return nil
    }
    guard let date = CivilDay(iso8601: value), date.year >= 2000 else {
      fail(field, "must be a date YYYY-MM-DD from 2000-01-01 on")
      return nil
    }
    return date
  }

  /// Checks a user id: 1–128 ASCII letters, digits and `-_.@:`.
  ///
  /// ASCII only, checked byte by byte, so that two different ids can never be canonically equivalent Unicode.
  package mutating func userId(_ value: String?, _ field: String = "userId") -> String? {
    guard let value = required(value, field) else { return nil }
    guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy(Self.isUserIdByte) else {
      fail(field, "must be 1-128 characters of ASCII letters, digits and - _ . @ :")
      return nil
    }
    return value
  }

  private static func isUserIdByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: ":"):
      return true
    default:
      return false
    }
  }

  /// Checks an email address's basic shape.
  package mutating func email(_ value: String?, _ field: String = "email", required: Bool = true) -> String? {
    guard let value = text(value, field, maxLength: 254, required: required) else { return nil }
    let parts = value.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
      !parts[1].hasSuffix("."), !value.contains(" ")
    else {
      fail(field, "must be an email address like name@example.com")
      return nil
    }
    return value.lowercased()
  }

  private static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}

extension String {
  /// The string without leading and trailing whitespace and newlines.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
