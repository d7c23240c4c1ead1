/// Exact fixed-point handling of kilogram amounts.
///
/// Amounts are kept to one milligram (six decimals). DynamoDB stores numbers as exact decimals and `ADD` sums
/// them exactly, so we always send plain decimal strings and sum in integer micro-kilograms ourselves.
public enum Kilograms {
  /// Largest amount accepted on a single entry or goal (one million tonnes).
  public static let maximum = 1_000_000_000.0

  /// `kg` in integer millionths of a kilogram, rounded half away from zero.
  public static func micro(_ kg: Double) -> Int64 {
    Int64((kg * 1_000_000).rounded())
  }

  /// `micro` millionths of a kilogram as a `Double`.
  public static func kilograms(micro: Int64) -> Double {
    Double(micro) / 1_000_000
  }

  /// `kg` rounded to six decimals.
  public static func rounded(_ kg: Double) -> Double {
    kilograms(micro: micro(kg))
  }

  /// A plain decimal string without exponent (`-12.5`, `0.000001`, `3`), as DynamoDB number text.
  public static func decimalString(micro: Int64) -> String {
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
  public static func decimalString(_ kg: Double) -> String {
    decimalString(micro: micro(kg))
  }
}
