#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The entry point of a `bootstrap` executable.
public enum LambdaRuntimeMain {
  /// Runs `setup` once, then serves invocations from the Runtime API until SIGTERM; never returns.
  public static func run(_ setup: @escaping @Sendable (LambdaInitContext) async throws -> HandlerRegistry) async
    -> Never
  {
    fatalError("not implemented yet")
  }
}
