import FuzzSupport
import NIOHTTP1

@testable import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The slow path of every operation's output, and the error parser for non-200 answers.
enum ResponseDecoding {
  private static let errorHeaders: HTTPHeaders = [
    "x-amzn-RequestId": "FUZZ0REQUEST0ID", "x-amzn-ErrorType": "ValidationException:http://internal.amazon.com/",
  ]

  /// The items found in the outputs that decoded.
  static func check(_ body: [UInt8]) -> [Item] {
    let data = Data(body)
    let decoder = JSONDecoder()
    var items: [Item] = []
    if let output = try? decoder.decode(QueryOutput.self, from: data) { items += output.items }
    if let output = try? decoder.decode(BatchGetItemOutput.self, from: data) {
      items += output.responses.values.flatMap { $0 }
    }
    if let output = try? decoder.decode(TransactGetItemsOutput.self, from: data) {
      items += output.items.compactMap { $0 }
    }
    _ = try? decoder.decode(BatchWriteItemOutput.self, from: data)
    _ = try? decoder.decode(TransactWriteItemsOutput.self, from: data)
    _ = try? decoder.decode(DescribeTableOutput.self, from: data)
    _ = try? decoder.decode(ListTablesOutput.self, from: data)

    for status in [400, 500] {
      let error = ServiceErrorParser.parse(status: status, headers: errorHeaders, body: body)
      FuzzCheck.require(error.statusCode == status, "the parsed error lost its status")
      if let item = error.item { items.append(item) }
      _ = RetryClassifier.classify(error, serverDate: "Wed, 21 Oct 2015 07:28:00 GMT")
    }
    // The `Date` header of an error answer decides whether the clock is corrected; here it is the body's text.
    _ = HTTPDate.parse(String(decoding: body.prefix(64), as: UTF8.self))
    return items
  }
}
