import Synchronization

/// The function processes a server started, by sandbox, with the Runtime API listener each one talks to.
final class SandboxTable: Sendable {
  private struct Entry {
    var listener: RuntimeAPIListener
    var process: LocalFunctionProcess?
  }

  private let entries = Mutex<[Int: Entry]>([:])

  func add(_ sandbox: Int, listener: RuntimeAPIListener) {
    entries.withLock { $0[sandbox] = Entry(listener: listener) }
  }

  func setProcess(_ process: LocalFunctionProcess, of sandbox: Int) {
    entries.withLock { $0[sandbox]?.process = process }
  }

  /// Forgets a sandbox; returns its listener to close.
  func remove(_ sandbox: Int) -> RuntimeAPIListener? {
    entries.withLock { $0.removeValue(forKey: sandbox)?.listener }
  }

  /// Sends `signal` to the sandbox's process, if it still runs.
  func signal(_ sandbox: Int, _ signal: Int32) {
    entries.withLock { $0[sandbox]?.process }?.send(signal)
  }

  /// Every sandbox's process and listener, emptying the table.
  func removeAll() -> [(listener: RuntimeAPIListener, process: LocalFunctionProcess?)] {
    entries.withLock { entries in
      defer { entries = [:] }
      return entries.values.map { ($0.listener, $0.process) }
    }
  }
}
