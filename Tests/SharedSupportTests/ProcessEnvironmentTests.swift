import SharedSupport
import Testing

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

@Suite("Process environment", .serialized)
struct ProcessEnvironmentTests {
  @Test func readsTheSameVariablesAsFoundation() {
    #expect(ProcessEnvironment.current() == ProcessInfo.processInfo.environment)
  }

  @Test func splitsAtTheFirstEqualsSignAndKeepsEveryByteAfterIt() {
    let name = "CARBONTRACK_PROCESS_ENVIRONMENT_TEST"
    setenv(name, "a=b==c é 🌍 ", 1)
    defer { unsetenv(name) }
    #expect(ProcessEnvironment.current()[name] == "a=b==c é 🌍 ")
    setenv(name, "", 1)
    #expect(ProcessEnvironment.current()[name] == "")
  }

  @Test func bytesThatAreNotUTF8BecomeReplacementCharacters() {
    let name = "CARBONTRACK_PROCESS_ENVIRONMENT_BYTES"
    let value: [CChar] = [0x61, CChar(bitPattern: 0xFF), 0x62, 0]
    _ = setenv(name, value, 1)
    defer { unsetenv(name) }
    #expect(ProcessEnvironment.current()[name] == "a\u{FFFD}b")
  }
}
