/// The unit system a user prefers for display; amounts are always stored in kilograms of CO2e.
public enum UnitSystem: String, Sendable, Hashable, Codable, CaseIterable {
  case metric, imperial
}
