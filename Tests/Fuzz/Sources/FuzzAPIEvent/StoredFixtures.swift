@testable import CarbonTrack

/// An entry and a goal as the store would have read them, for the updates to apply to.
///
/// Built from request JSON through the public validation, so they keep compiling whatever the models' field types
/// become.
enum StoredFixtures {
  static func entry() throws(CarbonTrackError) -> CarbonEntry {
    let body = #"{"category":"transport","activity":"bus","quantity":12.5,"unit":"km","kgCO2e":1.25}"#
    return try RequestDecoding.decode(CreateEntryRequest.self, from: Array(body.utf8)).validated(
      userId: "fuzz-user", now: RequestPieces.now)
  }

  static func goal() throws(CarbonTrackError) -> Goal {
    let body = #"""
      {"title":"Fly less","kind":"reduction","targetKgCO2e":100,"baselineKgCO2e":150,
       "periodStart":"2026-01-01","periodEnd":"2026-12-31"}
      """#
    return try RequestDecoding.decode(CreateGoalRequest.self, from: Array(body.utf8)).validated(
      userId: "fuzz-user", goalId: "fuzz-goal", now: RequestPieces.now)
  }
}
