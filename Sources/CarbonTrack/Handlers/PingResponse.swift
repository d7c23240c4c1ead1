/// The answer to `{"action":"ping"}`: who is running, without touching DynamoDB.
public struct PingResponse: Sendable, Codable, Equatable {
  public var status: String
  public var functionName: String
  public var functionVersion: String
  public var coldStart: Bool
  public var requestId: String
  public var time: Timestamp
}
