import DynamoDB
import LambdaRuntime

/// Serves direct invocations: `ping`, `selfTest` and every `DataOperation` by name.
///
/// Success returns the operation's JSON; failures are thrown as `CarbonTrackError` (reported as
/// `Function.<code>`, e.g. `Function.UnknownAction`, `Function.ValidationFailed`).
package struct ActionHandler: RawLambdaHandler {
  let executor: OperationExecutor

  /// The action names, in the order error messages list them.
  package static let knownActions = ["ping", "selfTest"] + DataOperation.allCases.map(\.rawValue)

  package init(store: CarbonTrackStore) {
    executor = OperationExecutor(store: store)
  }

  package func handle(_ event: [UInt8], context: LambdaContext) async throws -> [UInt8] {
    let action = try ActionEvent.decode(event)
    switch action.action {
    case "ping":
      return try JSONCoding.encode(
        PingResponse(
          status: "ok", functionName: context.functionName, functionVersion: context.functionVersion,
          coldStart: context.isColdStart, requestId: context.requestId, time: .now()))
    case "selfTest":
      return try await SelfTestHandler(store: executor.store).handle(event, context: context)
    default:
      guard let operation = DataOperation(rawValue: action.action) else {
        throw CarbonTrackError.unknownAction(action.action, known: Self.knownActions)
      }
      let input = OperationInput(
        operation: operation, userId: action.userId, resourceId: action.resourceId(for: operation),
        query: action.query, body: event, idempotencyKey: action.idempotencyKey)
      do {
        return try await DynamoDBDeadline.run(within: context) { try await executor.execute(input).body }
      } catch {
        throw CarbonTrackError(error) ?? error
      }
    }
  }
}
