import Foundation
import Testing

@testable import DynamoDB

/// The server's `Date` header decides clock-skew correction; out-of-range fields used to trap in the day and second
/// arithmetic (found by running the FuzzItemJSON target, Tests/Fuzz, on a date with a 14-digit year).
@Suite("HTTPDate")
struct HTTPDateTests {
  @Test func readsAnIMFFixdate() throws {
    let date = try #require(HTTPDate.parse("Thu, 26 Nov 2026 17:24:38 GMT"))
    #expect(date.timeIntervalSince1970 == 1_795_713_878)
    #expect(HTTPDate.parse("Thu, 29 Feb 2024 00:00:00 GMT") != nil)
  }

  @Test(arguments: [
    "Thu, 26 Nov 99999999999999 17:24:38 GMT",
    "Thu, 9223372036854775807 Nov 2026 17:24:38 GMT",
    "Thu, -9223372036854775808 Nov 2026 17:24:38 GMT",
    "Thu, 26 Nov 2026 9223372036854775807:00:00 GMT",
    "Thu, 26 Nov 2026 17:24:-1 GMT",
    "Thu, 31 Nov 2026 17:24:38 GMT",
    "Thu, 29 Feb 2026 17:24:38 GMT",
    "Thu, 26 Nov 0 17:24:38 GMT",
    "Thu, 26 Nov 2026 24:00:00 GMT",
    "Thu, 26 Nov 2026 17:60:00 GMT",
  ])
  func refusesFieldsOutOfRangeInsteadOfTrapping(text: String) {
    #expect(HTTPDate.parse(text) == nil)
  }
}
