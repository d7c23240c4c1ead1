import DynamoDB
import LambdaEvents
import LambdaRuntime

extension APIHandler: StreamingLambdaHandler {
  /// Streams `GET /users/{userId}/export` (NDJSON, with the function URL prelude for its status and headers) and
  /// answers every other request as a whole response, as `handle(_:context:)` does.
  ///
  /// Only a streaming front carries the export: a function URL in `RESPONSE_STREAM` mode, an API Gateway REST API
  /// integration with response streaming, or `carbontrack serve`. A buffered invocation of it, or an event from an
  /// HTTP API (which cannot stream), gets a whole 406.
  package func handle(_ event: [UInt8], writer: LambdaResponseWriter, context: LambdaContext) async throws {
    try await stream(Self.parse(event), writer: writer, context: context)
  }

  /// Streams the export for a parsed event that asks for it; writes the whole answer to any other.
  func stream(
    _ parsed: Result<APIRequest, CarbonTrackError>, writer: LambdaResponseWriter, context: LambdaContext
  ) async throws {
    let request: APIRequest
    switch parsed {
    case .success(let parsed): request = parsed
    case .failure(let error): return try writer.respond(APIGatewayResponse.error(error).jsonBytes)
    }
    guard request.frontCanStream, let userId = RouteTable.exportUserId(method: request.method, path: request.path)
    else {
      return try writer.respond(await respond(to: request, context: context).jsonBytes)
    }
    let summary: ExportSummary
    do {
      try authorize(request, userId: userId)
      summary = try await DynamoDBDeadline.run(within: context) {
        try await executor.store.exportData(userId) { lines in
          if writer.bytesWritten == 0 {
            try await writer.writeStatusAndHeaders(
              statusCode: 200, headers: ["content-type": "application/x-ndjson", "cache-control": "no-store"])
          }
          try await writer.write(lines)
        }
      }
    } catch let error where writer.bytesWritten == 0 {
      // Nothing sent yet: the caller gets an ordinary error response. After the first byte an error can only end
      // the stream (Lambda puts it in the trailers) and the missing summary line tells the client it is cut.
      let response = respondToFailure(error, request: request, context: context)
      try await writer.writeStatusAndHeaders(statusCode: response.statusCode, headers: response.headers)
      try await writer.write(response.body)
      return
    }
    context.logger.info(
      "Exported \(summary.entries) entries, \(summary.goals) goals, \(summary.achievements) achievements")
  }
}
