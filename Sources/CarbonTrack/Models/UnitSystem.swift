/// The unit system a user prefers for display; amounts are always stored in kilograms of CO2e.
package enum UnitSystem: String, Sendable, Hashable, Codable, CaseIterable {
  case metric, imperial
}
