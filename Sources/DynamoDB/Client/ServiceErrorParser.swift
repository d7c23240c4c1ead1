import NIOHTTP1

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Turns an error response (JSON with `__type`, or the XML some AWS front ends send) into a service error.
enum ServiceErrorParser {
  private struct JSONBody: Decodable {
    var type: String?
    var lowercaseMessage: String?
    var message: String?
    var item: Item?
    var cancellationReasons: [CancellationReason]?

    enum CodingKeys: String, CodingKey {
      case type = "__type"
      case lowercaseMessage = "message"
      case message = "Message"
      case item = "Item"
      case cancellationReasons = "CancellationReasons"
    }
  }

  static func parse(status: Int, headers: HTTPHeaders, body: [UInt8]) -> DynamoDBServiceError {
    let requestId = headers.first(name: "x-amzn-RequestId") ?? headers.first(name: "x-amz-request-id")
    if let json = try? JSONDecoder().decode(JSONBody.self, from: Data(body)), let type = json.type {
      return DynamoDBServiceError(
        code: DynamoDBErrorCode(rawValue: shortCode(type)), message: json.lowercaseMessage ?? json.message ?? "",
        statusCode: status, requestId: requestId, item: json.item, cancellationReasons: json.cancellationReasons)
    }
    let text = String(decoding: body, as: UTF8.self)
    if let code = xmlElement("Code", in: text) {
      return DynamoDBServiceError(
        code: DynamoDBErrorCode(rawValue: code), message: xmlElement("Message", in: text) ?? "", statusCode: status,
        requestId: requestId ?? xmlElement("RequestId", in: text))
    }
    let headerCode = headers.first(name: "x-amzn-ErrorType").map(shortCode)
    return DynamoDBServiceError(
      code: DynamoDBErrorCode(rawValue: headerCode ?? "HTTP\(status)"), message: String(text.prefix(500)),
      statusCode: status, requestId: requestId)
  }

  /// `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException` → `ResourceNotFoundException`;
  /// `Code:http://...` → `Code`.
  static func shortCode(_ type: String) -> String {
    let afterHash = type.split(separator: "#").last.map(String.init) ?? type
    return afterHash.split(separator: ":").first.map(String.init) ?? afterHash
  }

  private static func xmlElement(_ name: String, in text: String) -> String? {
    let bytes = Array(text.utf8)
    let open = Array("<\(name)>".utf8)
    guard let start = offset(of: open, in: bytes, from: 0),
      let end = offset(of: Array("</\(name)>".utf8), in: bytes, from: start + open.count)
    else { return nil }
    return String(decoding: bytes[(start + open.count)..<end], as: UTF8.self)
  }

  private static func offset(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count - start >= needle.count else { return nil }
    return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
  }
}
