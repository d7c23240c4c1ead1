import DynamoDB
import Testing

@testable import CarbonTrack

@Suite struct ErrorMappingTests {
  func service(_ code: DynamoDBErrorCode, status: Int) -> DynamoDBError {
    .service(DynamoDBServiceError(code: code, message: "m", statusCode: status))
  }

  @Test func throttlingAfterRetriesIs429AndOutagesAre503() {
    #expect(CarbonTrackError(service(.provisionedThroughputExceeded, status: 400))?.statusCode == 429)
    #expect(CarbonTrackError(service(.throttling, status: 400))?.statusCode == 429)
    #expect(CarbonTrackError(service(.requestLimitExceeded, status: 400))?.statusCode == 429)
    #expect(CarbonTrackError(service(.internalServerError, status: 500))?.statusCode == 503)
    #expect(CarbonTrackError(DynamoDBError.transport("reset"))?.statusCode == 503)
    #expect(CarbonTrackError(DynamoDBError.deadlineExceeded(attempts: 3, lastError: nil))?.statusCode == 503)
    #expect(CarbonTrackError(service(.validation, status: 400)) == nil)
    #expect(CarbonTrackError(CarbonTrackError.notFound("x")) == .notFound("x"))
  }

  @Test func errorTypesAreValidLambdaNames() {
    let errors: [CarbonTrackError] = [
      .validation([]), .unauthorized(""), .forbidden(""), .notFound(""), .methodNotAllowed(method: "", allowed: []),
      .conflict(""), .throttled(""), .unavailable(""), .unknownAction("", known: []), .invalidEvent(""),
    ]
    for error in errors {
      #expect(error.errorType.first?.isUppercase == true)
      #expect(error.errorType.allSatisfy { $0.isLetter })
    }
    #expect(Set(errors.map(\.statusCode)) == [400, 401, 403, 404, 405, 409, 429, 503])
  }
}
