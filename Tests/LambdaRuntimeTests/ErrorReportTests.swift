import Foundation
import Testing

@testable import LambdaRuntime

@Suite("ErrorReport")
struct ErrorReportTests {
  struct NamedError: LambdaFunctionError, CustomStringConvertible {
    var errorType: String { "UnknownAction" }
    var description: String { "no such action" }
  }

  enum plain_error: Error { case boom }

  @Test func namedErrorsKeepTheirType() {
    let report = ErrorReport(functionError: NamedError())
    #expect(report.errorType == "Function.UnknownAction")
    #expect(report.errorMessage == "no such action")
  }

  @Test func otherErrorsAreNamedAfterTheirSwiftTypeWithinTheAllowedGrammar() {
    let report = ErrorReport(functionError: plain_error.boom)
    #expect(report.errorType == "Function.Plainerror")
    #expect(report.errorType.wholeMatch(of: /(Runtime|Function)\.[A-Z][a-zA-Z]+/) != nil)
    #expect(ErrorReport.sanitisedName("x") == "ErrorX")
    #expect(ErrorReport.sanitisedName("") == "Error")
  }

  @Test func bodyIsValidJSONEvenWithControlCharactersQuotesAndUnicode() throws {
    let message = "line1\nline2\t\"quoted\" \\ back \u{0}\u{1}\u{1F} del\u{7F} é 🚀"
    let report = ErrorReport(category: "Function", name: "Oops", message: message)
    let text = String(decoding: report.jsonBody, as: UTF8.self)
    #expect(!text.contains("\n"))
    #expect(text.contains(#"\u0000"#))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonBody)) as? [String: Any])
    #expect(object["errorMessage"] as? String == message)
    #expect(object["errorType"] as? String == "Function.Oops")
    #expect((object["stackTrace"] as? [Any])?.isEmpty == true)
  }

  @Test func hugeMessagesAreTruncated() {
    let report = ErrorReport(category: "Function", name: "Big", message: String(repeating: "x", count: 200_000))
    #expect(report.errorMessage.utf8.count < ErrorReport.maxMessageBytes + 32)
    #expect(report.errorMessage.hasSuffix("(truncated)"))
  }
}
