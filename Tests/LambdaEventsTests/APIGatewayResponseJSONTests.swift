import Foundation
import Testing

@testable import LambdaEvents

@Suite("APIGatewayResponse.jsonBytes: the encoder's JSON without the encoder")
struct APIGatewayResponseJSONTests {
  private static func encoded(_ response: APIGatewayResponse) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(response))
  }

  @Test func writesAPlainResponseByteForByteAsTheEncoderDid() throws {
    let response = APIGatewayResponse(
      statusCode: 201, headers: ["content-type": "application/json", "access-control-allow-origin": "*"],
      body: #"{"userId":"u1","path":"/a/b","displayName":"Zoë"}"#)
    #expect(response.jsonBytes == (try Self.encoded(response)))
    #expect(APIGatewayResponse(statusCode: 204).jsonBytes == (try Self.encoded(APIGatewayResponse(statusCode: 204))))
  }

  @Test(arguments: ["\"\\\n\r\t\u{0}\u{1F}\u{7F}", "\u{85}\u{2028}\u{202E}é😀", "</script>", ""])
  func anyBodyDecodesBackToItself(body: String) throws {
    let response = APIGatewayResponse(
      statusCode: 400, headers: ["allow": "GET, PUT", "x-\u{2028}": "\u{1B}[2J"], body: body, isBase64Encoded: true)
    let decoded = try JSONDecoder().decode(APIGatewayResponse.self, from: Data(response.jsonBytes))
    #expect(decoded == response)
  }
}
