// The C library, imported here once for every target that imports SharedSupport: Glibc on Amazon Linux, Musl for a
// static Linux SDK build, Darwin when developing on macOS. Each file that needs a system call would otherwise
// repeat these conditions.
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#endif
