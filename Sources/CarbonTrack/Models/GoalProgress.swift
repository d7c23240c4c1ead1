/// How a goal stands, computed from the entries in its period.
package struct GoalProgress: Sendable, Hashable, Codable {
  /// The computed state.
  package enum State: String, Sendable, Hashable, Codable {
    /// Period not over and emissions within the allowance.
    case onTrack
    /// Emissions already exceed the allowance.
    case exceeded
    /// Period over and emissions stayed within the allowance.
    case met
  }

  package var emittedKgCO2e: Double
  package var allowanceKgCO2e: Double
  package var remainingKgCO2e: Double
  /// Emitted as a percentage of the allowance (0 when the allowance is 0 and nothing was emitted).
  package var percentOfAllowance: Double
  package var entryCount: Int
  package var state: State

  /// Computes progress for `goal` given the emissions in its period, as of `now`.
  package init(goal: Goal, emittedMicro: Int128, entryCount: Int, now: Timestamp) {
    let allowanceMicro = Int128(Kilograms.micro(goal.allowanceKgCO2e))
    emittedKgCO2e = Kilograms.kilograms(micro: emittedMicro)
    allowanceKgCO2e = Kilograms.kilograms(micro: allowanceMicro)
    remainingKgCO2e = Kilograms.kilograms(micro: max(0, allowanceMicro - emittedMicro))
    if allowanceMicro > 0 {
      percentOfAllowance = (Double(emittedMicro) / Double(allowanceMicro) * 1000).rounded() / 10
    } else {
      percentOfAllowance = emittedMicro > 0 ? 100 : 0
    }
    self.entryCount = entryCount
    if emittedMicro > allowanceMicro {
      state = .exceeded
    } else if let range = goal.periodRange, now > range.upperBound {
      state = .met
    } else {
      state = .onTrack
    }
  }
}
