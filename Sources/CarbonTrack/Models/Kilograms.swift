/// Exact fixed-point handling of kilogram amounts.
///
/// Amounts are kept to one milligram (six decimals). DynamoDB stores numbers as exact decimals and `ADD` sums
/// them exactly, so we always send plain decimal strings and sum in integer micro-kilograms ourselves.
///
/// Nothing here can trap, whatever the input: a single amount is at most `maximum` when it comes through the API,
/// but the tables may hold anything a DynamoDB number can (up to 9.9e125). Single amounts are `Int64` micro-kg
/// (exact up to ±9.2e12 kg, saturating beyond, which only data written around the API can reach), and sums are
/// `Int128`, which no realistic number of `Int64` amounts can overflow (it would take 1.8e19 of them).
package enum Kilograms {
  /// Largest amount accepted on a single entry or goal (one million tonnes).
  package static let maximum = 1_000_000_000.0
  /// Largest total a user's statistics may reach through the API (one billion tonnes, a thousand maximal entries).
  package static let maximumTotal = 1_000_000_000_000.0
  /// The largest magnitude `micro` converts exactly; beyond it, `micro` saturates.
  static let largestExact = 9_000_000_000_000.0

  /// `kg` in integer millionths of a kilogram, rounded half away from zero; saturates beyond ±`largestExact` and
  /// maps NaN to 0 instead of trapping.
  package static func micro(_ kg: Double) -> Int64 {
    guard !kg.isNaN else { return 0 }
    let clamped = min(max(kg, -largestExact), largestExact)
    return Int64((clamped * 1_000_000).rounded())
  }

  /// `micro` millionths of a kilogram as a `Double`.
  package static func kilograms(micro: Int128) -> Double {
    Double(micro) / 1_000_000
  }

  /// `kg` rounded to six decimals; amounts beyond `largestExact` (only in data written around the API) come back
  /// as they are, since a `Double` that large has no digits after the point anyway.
  package static func rounded(_ kg: Double) -> Double {
    guard kg.isFinite, abs(kg) < largestExact else { return kg }
    return kilograms(micro: Int128(micro(kg)))
  }

  /// The exact sum of `amounts`, in micro-kg.
  package static func sum(_ amounts: some Sequence<Int64>) -> Int128 {
    amounts.reduce(0) { $0 + Int128($1) }
  }

  /// A plain decimal string without exponent (`-12.5`, `0.000001`, `3`), as DynamoDB number text.
  package static func decimalString(micro: Int128) -> String {
    let sign = micro < 0 ? "-" : ""
    let magnitude = micro.magnitude
    let whole = magnitude / 1_000_000
    let fraction = magnitude % 1_000_000
    guard fraction != 0 else { return sign + String(whole) }
    var fractionText = String(fraction)
    fractionText = String(repeating: "0", count: 6 - fractionText.count) + fractionText
    while fractionText.hasSuffix("0") { fractionText.removeLast() }
    return sign + String(whole) + "." + fractionText
  }

  /// `kg` as DynamoDB number text.
  package static func decimalString(_ kg: Double) -> String {
    decimalString(micro: Int128(micro(kg)))
  }
}
