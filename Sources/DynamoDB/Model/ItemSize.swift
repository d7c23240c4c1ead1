/// DynamoDB's item size accounting (attribute names plus values), used to reject oversized items before sending.
public enum ItemSize {
  /// The largest item DynamoDB stores: 400 KB.
  public static let limit = 400 * 1024

  /// The size DynamoDB charges for `item`, in bytes.
  public static func of(_ item: Item) -> Int {
    item.reduce(0) { $0 + $1.key.utf8.count + of($1.value) }
  }

  /// The size of one value, in bytes.
  public static func of(_ value: AttributeValue) -> Int {
    switch value {
    case .s(let text): text.utf8.count
    case .n(let text): number(text)
    case .b(let data): data.count
    case .ss(let texts): texts.reduce(0) { $0 + $1.utf8.count }
    case .ns(let texts): texts.reduce(0) { $0 + number($1) }
    case .bs(let blobs): blobs.reduce(0) { $0 + $1.count }
    case .m(let map): 3 + map.reduce(0) { $0 + $1.key.utf8.count + of($1.value) + 1 }
    case .l(let list): 3 + list.reduce(0) { $0 + of($1) + 1 }
    case .null, .bool: 1
    }
  }

  /// Numbers take about one byte per two significant digits plus one.
  private static func number(_ text: String) -> Int {
    let digits = text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
    return min(21, (digits + 1) / 2 + 1)
  }
}
