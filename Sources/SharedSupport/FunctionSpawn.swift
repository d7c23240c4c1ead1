/// How a process that stands in for Lambda (the local server, tests) starts a function process so that it begins life as it does on Lambda.
package enum FunctionSpawn {
  /// Runs `body`, which spawns the function, with no signal blocked in the calling thread.
  ///
  /// A spawned child starts with the spawning thread's signal mask, and Swift's worker threads block nearly
  /// every signal; Lambda starts `bootstrap` with none blocked, and a function that inherited the mask would
  /// never see SIGTERM.
  package static func withNoSignalsBlocked<T>(_ body: () throws -> T) rethrows -> T {
    var none = sigset_t()
    var previous = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }
}
