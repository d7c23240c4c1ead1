# shellcheck shell=bash
# How the shipped `bootstrap` is built; infra/package.sh, the tests (scripts/test.sh) and the runtime
# benchmark (scripts/bench-runtime.sh) all build it with these arguments to `swift`, so what is tested and
# measured is what ships. Changing them rebuilds every module once.
#
# --static-swift-stdlib: the provided.* runtimes have no Swift libraries.
# --no-export-dynamic: swiftc links executables with --export-dynamic, which puts every public symbol of
#   every module into .dynsym/.dynstr (32,000 symbols, 3.8 MB that strip keeps). Nothing loads plugins or
#   looks symbols up by name in bootstrap, so none are needed; it also cuts RSS by ~2 MB.
# -ffunction-sections -fdata-sections for C: SwiftPM compiles C targets (BoringSSL, twice: swift-nio-ssl's
#   and swift-crypto's) with one .text per file, so the linker's --gc-sections keeps every function of a
#   file it needs one function from. One section per function lets it drop the rest: -1.2 MB, same code.
# shellcheck disable=SC2034 # used by the scripts that source this file
bootstrap_build_args=(build -c release --product bootstrap --static-swift-stdlib -Xlinker --no-export-dynamic
  -Xcc -ffunction-sections -Xcc -fdata-sections)
# The developer CLI with the same compile flags, so that a release build of both shares every object.
# shellcheck disable=SC2034
carbontrack_build_args=(build -c release --product carbontrack --static-swift-stdlib
  -Xcc -ffunction-sections -Xcc -fdata-sections)
