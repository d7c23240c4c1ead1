import SharedSupport

/// A JSON value as `SortedJSONEncoder` collects it before writing it out.
///
/// Objects and arrays are boxes, so a nested container keeps filling the value its parent already holds, as
/// `Encoder`'s containers may be filled in any order.
enum EncodedJSONValue {
  case null
  case bool(Bool)
  /// A number spelled as it goes out.
  case number(String)
  case string(String)
  case array(EncodedJSONArray)
  case object(EncodedJSONObject)
  /// A value a super encoder fills after its place was taken; an empty object if it never is.
  case deferred(EncodedJSONSlot)

  func write(to writer: inout JSONWriter) {
    switch self {
    case .null: writer.null()
    case .bool(let value): writer.bool(value)
    case .number(let spelled): writer.number(spelled)
    case .string(let value): writer.string(value)
    case .array(let array):
      writer.beginArray()
      for element in array.elements { element.write(to: &writer) }
      writer.endArray()
    case .object(let object):
      writer.beginObject()
      for member in object.sortedMembers() {
        writer.key(member.key)
        member.value.write(to: &writer)
      }
      writer.endObject()
    case .deferred(let slot): (slot.value ?? .object(EncodedJSONObject())).write(to: &writer)
    }
  }
}

final class EncodedJSONArray {
  var elements: [EncodedJSONValue] = []
}

final class EncodedJSONObject {
  var members: [(key: String, value: EncodedJSONValue)] = []

  /// The members ordered by the UTF-8 bytes of their keys, as `JSONEncoder`'s `.sortedKeys` orders them; of a key
  /// encoded twice, the later value, as `JSONEncoder` keeps.
  func sortedMembers() -> [(key: String, value: EncodedJSONValue)] {
    let order = members.indices.sorted { left, right in
      let order = Self.compareUTF8(members[left].key, members[right].key)
      return order == 0 ? left < right : order < 0
    }
    var sorted: [(key: String, value: EncodedJSONValue)] = []
    sorted.reserveCapacity(order.count)
    for index in order {
      if let last = sorted.last, Self.compareUTF8(last.key, members[index].key) == 0 { sorted.removeLast() }
      sorted.append(members[index])
    }
    return sorted
  }

  /// Negative, zero or positive as `left`'s UTF-8 bytes order before, equal or after `right`'s.
  private static func compareUTF8(_ left: String, _ right: String) -> Int {
    var (left, right) = (left, right)
    return left.withUTF8 { left in
      right.withUTF8 { right in
        for (leftByte, rightByte) in zip(left, right) where leftByte != rightByte {
          return leftByte < rightByte ? -1 : 1
        }
        return left.count - right.count
      }
    }
  }
}

/// Where one value goes: the root, or a super encoder's place in its parent.
final class EncodedJSONSlot {
  var value: EncodedJSONValue?
}
