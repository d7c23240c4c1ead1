import CarbonTrackTestSupport
import DynamoDB
import Foundation
import LambdaEvents
import LambdaRuntime
import LocalLambdaServer
import Testing

@testable import CarbonTrack

/// The hostile-input table (every route and direct action crossed with each input class) through the real
/// `bootstrap` process. For each case: the exact answer and error shape, the process still alive (a ping
/// answers next), and no data changed.
@Suite(.enabled(if: TestEnvironment.integrationEnabled), .timeLimit(.minutes(5)))
struct HostileInputSuiteTests {
  @Test func everyHostileInputGetsItsExactAnswerAndChangesNothing() async throws {
    let cases = HostileCase.apiCases + HostileCase.actionCases
    #expect(cases.count > 300, "the table shrank to \(cases.count) cases")
    try await withStore("hostile", authMode: "required") { store, environment in
      try await HostileFixture.seed(store)
      var before = try await Snapshot(store)
      try await RunningBootstrap.with(environment: environment) { server in
        for hostile in cases {
          let result = try await server.invoke(hostile.event)
          check(result, against: hostile)
          let ping = try await server.invoke(HostileEvent.action("ping"))
          try #require(ping.isSuccess, "the process died on \(hostile): \(ping.bodyText)")
          let after = try await Snapshot(store)
          #expect(after == before, "\(hostile) changed data: \(after.difference(from: before))")
          before = after
        }
      }
    }
  }

  private func check(_ result: LocalInvocationResult, against hostile: HostileCase) {
    switch hostile.outcome {
    case .http(let status, let error, let field):
      guard result.isSuccess, let response = try? JSONDecoder().decode(APIGatewayResponse.self, from: Data(result.body))
      else {
        Issue.record(
          "\(hostile): expected an HTTP \(status) response, got \(result.errorType ?? "") \(result.bodyText.prefix(300))"
        )
        return
      }
      #expect(response.statusCode == status, "\(hostile): \(response.statusCode) \(response.body.prefix(300))")
      guard let error else { return }
      let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body.utf8))
      #expect(body?.error == error, "\(hostile): \(response.body.prefix(300))")
      #expect(body?.message.isEmpty == false, "\(hostile): an error needs a message")
      if let field {
        #expect(body?.fields?.contains { $0.field == field } == true, "\(hostile): \(response.body.prefix(300))")
      }
    case .functionError(let error, let field):
      #expect(
        result.errorType == "Function.\(error)",
        "\(hostile): \(result.errorType ?? "success") \(result.bodyText.prefix(300))")
      let report = try? JSONDecoder().decode(ErrorReportBody.self, from: Data(result.body))
      #expect(report?.errorMessage.isEmpty == false, "\(hostile): \(result.bodyText.prefix(300))")
      if let field {
        #expect(report?.errorMessage.contains(field) == true, "\(hostile): \(result.bodyText.prefix(300))")
      }
    case .success:
      #expect(result.isSuccess, "\(hostile): \(result.errorType ?? "") \(result.bodyText.prefix(300))")
    }
  }
}

/// The `/error` body the runtime posts: `{"errorMessage", "errorType", "stackTrace"}`.
private struct ErrorReportBody: Decodable {
  var errorMessage: String
  var errorType: String
}

/// Every item of the four tables, for "nothing changed" checks.
private struct Snapshot: Equatable {
  let items: Set<String>

  init(_ store: CarbonTrackStore) async throws {
    items = Set(try await allItems(store).map { item in "\(item.sorted { $0.key < $1.key })" })
  }

  func difference(from other: Snapshot) -> String {
    "added \(items.subtracting(other.items).sorted()), removed \(other.items.subtracting(items).sorted())"
  }
}
