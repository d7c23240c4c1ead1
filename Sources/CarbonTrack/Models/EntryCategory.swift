/// The fixed set of emission categories an entry belongs to.
package enum EntryCategory: String, Sendable, Hashable, Codable, CaseIterable {
  case transport, energy, food, goods, waste, other

  /// The category names, comma-separated, for error messages.
  static let allNames = allCases.map(\.rawValue).joined(separator: ", ")
}
