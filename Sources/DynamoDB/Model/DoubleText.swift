/// Formats floating-point numbers as DynamoDB number text.
enum DoubleText {
  /// Shortest round-tripping decimal text; `nil`-free because callers reject non-finite values first.
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }
}
