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
    guard let start = text.firstRange(of: "<\(name)>"),
      let end = text[start.upperBound...].firstRange(of: "</\(name)>")
    else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
  }
}
