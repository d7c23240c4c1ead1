/// The answer to `{"action":"ping"}`: who is running, without touching DynamoDB.
package struct PingResponse: Sendable, Codable, Equatable {
  package var status: String
  package var functionName: String
  package var functionVersion: String
  package var coldStart: Bool
  package var requestId: String
  package var time: Timestamp
}
