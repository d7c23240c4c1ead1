import SharedSupport
import Testing

@Suite struct HexDigitsTests {
  @Test func digitsAndValuesAreInverseInBothCases() {
    for nibble in UInt8(0)...15 {
      #expect(HexDigits.value(of: HexDigits.digit(nibble)) == nibble)
      #expect(HexDigits.value(of: HexDigits.digit(nibble, uppercase: true)) == nibble)
    }
    #expect(HexDigits.digit(0xAB) == UInt8(ascii: "b"))
  }

  @Test func anythingButADigitHasNoValue() {
    for byte in [
      UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"), 0, 0xFF,
    ] {
      #expect(HexDigits.value(of: byte) == nil)
    }
    #expect(HexDigits.quad(0x30, 0x30, 0x7A, 0x30) == nil)
    #expect(HexDigits.quad(UInt8(ascii: "D"), UInt8(ascii: "8"), UInt8(ascii: "3"), UInt8(ascii: "d")) == 0xD83D)
  }

  @Test func encodesBytesAndPadsNumbers() {
    #expect([UInt8]([0x00, 0x0F, 0xA0, 0xFF]).withUnsafeBytes(HexDigits.encode) == "000fa0ff")
    var appended = Array("x=".utf8)
    [UInt8]([0x00, 0x0F, 0xA0, 0xFF]).withUnsafeBytes { HexDigits.append($0, to: &appended) }
    #expect(String(decoding: appended, as: UTF8.self) == "x=000fa0ff")
    #expect(HexDigits.padded(0xBEEF, width: 8) == "0000beef")
    #expect(HexDigits.padded(UInt64.max, width: 4) == "ffffffffffffffff")
  }
}
