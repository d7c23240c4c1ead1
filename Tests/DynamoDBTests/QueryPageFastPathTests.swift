import Foundation
import Testing

@testable import DynamoDB

/// Query and Scan pages are read straight from bytes; whatever the reader accepts must decode the same through
/// `JSONDecoder`, and anything it does not fully understand must be left to `JSONDecoder`.
@Suite("Query page fast path")
struct QueryPageFastPathTests {
  static let item = #"{"userId":{"S":"u"},"timestamp":{"S":"2026-03-01T00:00:00.000Z#a"},"kg":{"N":"1.5"}}"#

  static let accepted = [
    #"{"Items":[],"Count":0,"ScannedCount":0}"#,
    #"{"Count":1,"Items":[\#(item)],"ScannedCount":3}"#,
    #"{"Items":[\#(item),\#(item)],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"userId":{"S":"u"}}}"#,
    " {\n\"Items\" : [ \(item) ] , \"Count\" : 1 }\n",
    #"{"Items":[{"l":{"L":[{"M":{"b":{"B":"AAE="}}},{"NULL":true},{"BOOL":false}]},"ss":{"SS":["a","b"]}}]}"#,
    #"{"Count":10,"ScannedCount":10}"#,
    "{}",
  ]

  static let leftToJSONDecoder = [
    #"{"Items":[],"Count":0,"ConsumedCapacity":{"TableName":"t","CapacityUnits":0.5}}"#,
    #"{"Items":[],"Items":[]}"#,
    #"{"Count":1.0}"#,
    #"{"Count":1e1}"#,
    #"{"Count":01}"#,
    #"{"Count":-1}"#,
    #"{"Count":1234567890123456789}"#,
    #"{"Count":"1"}"#,
    #"{"Items":[],"Other":1}"#,
    #"{"Items":[]} x"#,
    #"{"Items":{}}"#,
  ]

  @Test(arguments: accepted)
  func agreesWithJSONDecoder(_ body: String) throws {
    let fast = try #require(QueryOutput.read(Array(body.utf8)))
    let slow = try JSONDecoder().decode(QueryOutput.self, from: Data(body.utf8))
    #expect(fast.items == slow.items)
    #expect(fast.count == slow.count)
    #expect(fast.scannedCount == slow.scannedCount)
    #expect(fast.lastEvaluatedKey == slow.lastEvaluatedKey)
    #expect(fast.consumedCapacity == nil && slow.consumedCapacity == nil)
  }

  @Test(arguments: leftToJSONDecoder)
  func givesUpOnWhatItDoesNotFullyUnderstand(_ body: String) {
    #expect(QueryOutput.read(Array(body.utf8)) == nil)
  }

  @Test func countsUpToEighteenDigits() throws {
    let page = try #require(QueryOutput.read(Array(#"{"Count":999999999999999999}"#.utf8)))
    #expect(page.count == 999_999_999_999_999_999)
    #expect(page.scannedCount == page.count)
  }
}
