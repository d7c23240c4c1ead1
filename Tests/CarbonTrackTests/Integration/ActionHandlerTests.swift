import CarbonTrackTestSupport
import DynamoDB
import Foundation
import LambdaRuntime
import Testing

@testable import CarbonTrack

@Suite struct ActionHandlerTests {
  /// A function whose DynamoDB endpoint does not exist: anything touching DynamoDB would fail.
  func offlineFunction() throws -> (InProcessFunction, DynamoDBClient) {
    let environment = [
      "DYNAMODB_ENDPOINT": "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y",
      "AWS_REGION": "us-east-1",
    ]
    let client = DynamoDBClient(environment: environment)
    let store = CarbonTrackStore(client: client, tables: TableNames())
    return (try InProcessFunction(store: store, environment: environment), client)
  }

  @Test func pingAnswersWithoutDynamoDB() async throws {
    let (function, client) = try offlineFunction()
    defer { Task { try? await client.shutdown() } }
    let output = try await function.invoke(try EventFiles.load("ping.json"), coldStart: true)
    let ping = try JSONDecoder().decode(PingResponse.self, from: Data(output))
    #expect(ping.status == "ok")
    #expect(ping.coldStart)
    #expect(ping.functionName == "local")
    #expect(ping.functionVersion == "$LATEST")
  }

  @Test func unknownActionNamesTheKnownOnes() async throws {
    let (function, client) = try offlineFunction()
    defer { Task { try? await client.shutdown() } }
    do {
      _ = try await function.invoke(Array(#"{"action":"launchRocket"}"#.utf8))
      Issue.record("expected an error")
    } catch let error as CarbonTrackError {
      #expect(error.errorType == "UnknownAction")
      #expect(error.description.contains("launchRocket"))
      for known in ["ping", "selfTest", "createUser", "getAnalytics"] { #expect(error.description.contains(known)) }
    }
  }

  @Test func invalidActionInputIsAValidationErrorBeforeAnyDynamoDBCall() async throws {
    let (function, client) = try offlineFunction()
    defer { Task { try? await client.shutdown() } }
    do {
      _ = try await function.invoke(Array(#"{"action":"createUser","userId":"bad id!","email":"x"}"#.utf8))
      Issue.record("expected an error")
    } catch let error as CarbonTrackError {
      #expect(error.errorType == "ValidationFailed")
      #expect(error.fieldErrors.map(\.field) == ["userId"])
    }
    await #expect(throws: CarbonTrackError.invalid("failStep", "must be from 1 to 10")) {
      _ = try await function.invoke(Array(#"{"action":"selfTest","failStep":11}"#.utf8))
    }
  }

  @Test func routerPicksHandlerByShape() throws {
    #expect(EventShape.of(Array(#"{"action":"ping"}"#.utf8))?.handlerName == "action")
    #expect(EventShape.of(try EventFiles.load("api-v2/get-user.json"))?.handlerName == "api")
    #expect(EventShape.of(try EventFiles.load("api-v1/get-user.json"))?.handlerName == "api")
    #expect(EventShape.of(Array(#"{"hello":"world"}"#.utf8))?.handlerName == nil)
    #expect(EventShape.of(Array("[1,2]".utf8))?.handlerName == nil)
  }

  @Test func echoReturnsTheEventUnchanged() async throws {
    let (function, client) = try offlineFunction()
    defer { Task { try? await client.shutdown() } }
    let event = Array(#"{"anything": [1, 2, "three"]}"#.utf8)
    #expect(try await function.invoke(event, handler: "echo") == event)
  }

  @Test func unreachableDynamoDBIsA503WithinTheDeadline() async throws {
    let (_, client) = try offlineFunction()
    defer { Task { try? await client.shutdown() } }
    let handler = APIHandler(store: CarbonTrackStore(client: client, tables: TableNames()), authMode: .none)
    let request = APIRequest(version: .v2, method: "GET", path: "/users/u1")
    let context = LambdaContext(deadline: .now + .seconds(2))
    let started = ContinuousClock.now
    let response = await handler.respond(to: request, context: context)
    #expect(response.statusCode == 503, "\(response.body)")
    // The DynamoDB calls stop 500 ms before the 2 s deadline; without that bound one attempt alone waits 10 s.
    // The extra second absorbs scheduling delays when the whole suite runs in parallel on a 2-core machine.
    #expect(ContinuousClock.now - started < .seconds(3))
  }
}
