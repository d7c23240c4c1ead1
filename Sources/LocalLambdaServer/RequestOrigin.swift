/// Where a request to the local server came from.
struct RequestOrigin: Sendable {
  /// The sandbox whose Runtime API port the connection was made to (`LocalLambdaState.externalSandbox` for the
  /// server's own port).
  var sandbox: Int
  /// The connection's number.
  var connection: Int
}
