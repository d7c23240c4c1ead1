import FuzzSupport

@testable import CarbonTrack

/// The synchronous steps an event goes through before the store, called one by one through the public API so that
/// each one's errors can be checked: every failure on the way in must be the client's (4xx).
enum RequestPieces {
  static let now = Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)

  static func check(_ event: [UInt8]) {
    let handler = EventShape.of(event)?.handlerName
    let known = [nil, CarbonTrackFunction.HandlerName.api, CarbonTrackFunction.HandlerName.action]
    FuzzCheck.require(known.contains(handler), "EventShape chose '\(handler ?? "nil")'")
    if handler == CarbonTrackFunction.HandlerName.action { checkBodies(event) }
    do {
      let request = try APIRequest(event: event)
      checkClientError("RouteTable.match") { () throws(CarbonTrackError) in
        _ = try RouteTable.match(method: request.method, path: request.path)
      }
      checkBodies(request.body)
    } catch {
      requireClientError(error, "APIRequest(event:)")
    }
  }

  /// Every body type, decoded and validated as its operation would, and applied to a stored item where the
  /// operation updates one.
  static func checkBodies(_ body: [UInt8]) {
    checkClientError("createUser") { () throws(CarbonTrackError) in
      _ = try RequestDecoding.decode(CreateUserRequest.self, from: body).validated(userId: "fuzz-user", now: now)
    }
    checkClientError("updateUser") { () throws(CarbonTrackError) in
      _ = try RequestDecoding.decode(UpdateUserRequest.self, from: body).validated()
    }
    checkClientError("createEntry") { () throws(CarbonTrackError) in
      _ = try RequestDecoding.decode(CreateEntryRequest.self, from: body).validated(userId: "fuzz-user", now: now)
    }
    checkClientError("updateEntry") { () throws(CarbonTrackError) in
      let update = try RequestDecoding.decode(UpdateEntryRequest.self, from: body).validated()
      _ = update.applied(to: try StoredFixtures.entry(), now: now)
    }
    checkClientError("createGoal") { () throws(CarbonTrackError) in
      _ = try RequestDecoding.decode(CreateGoalRequest.self, from: body).validated(
        userId: "fuzz-user", goalId: "fuzz-goal", now: now)
    }
    checkClientError("updateGoal") { () throws(CarbonTrackError) in
      _ = try RequestDecoding.decode(UpdateGoalRequest.self, from: body).applied(
        to: try StoredFixtures.goal(), now: now)
    }
  }

  private static func checkClientError(_ step: String, _ body: () throws(CarbonTrackError) -> Void) {
    do {
      try body()
    } catch {
      requireClientError(error, step)
    }
  }

  private static func requireClientError(_ error: CarbonTrackError, _ step: String) {
    FuzzCheck.require((400..<500).contains(error.statusCode), "\(step) failed with \(error.statusCode): \(error)")
  }
}
