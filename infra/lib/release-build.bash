# shellcheck shell=bash
# shellcheck source-path=SCRIPTDIR source=python-env.bash
source "$(dirname "${BASH_SOURCE[0]}")/python-env.bash"

# How the shipped `bootstrap` is built; infra/package.sh, the tests (scripts/test.sh), the demo and the runtime
# benchmark (scripts/bench-runtime.sh) all build it with these arguments to `swift`, so what is tested and
# measured is what ships. After changing them, remove .build/release: SwiftPM does not recompile every module for
# every flag (adding -function-sections left most objects as they were), and a mix of old and new objects links
# without complaint. Tests/infra/test-hot-text.sh catches that mix in the shipped binary.
#
# --static-swift-stdlib: the provided.* runtimes have no Swift libraries.
# --no-export-dynamic: swiftc links executables with --export-dynamic, which puts every public symbol of
#   every module into .dynsym/.dynstr (32,000 symbols, 3.8 MB that strip keeps). Nothing loads plugins or
#   looks symbols up by name in bootstrap, so none are needed; it also cuts RSS by ~2 MB.
# -ffunction-sections -fdata-sections for C: SwiftPM compiles C targets (BoringSSL, twice: swift-nio-ssl's
#   and swift-crypto's) with one .text per file, so the linker's --gc-sections keeps every function of a
#   file it needs one function from. One section per function lets it drop the rest: -1.2 MB, same code.
# -function-sections for Swift: the same, one .text.<symbol> per function, so that the Lambda link can pack
#   the functions a function process runs together (infra/lib/hot-functions.txt, link_bootstrap_for_lambda).
# -disable-concrete-type-metadata-mangled-name-accessors: by default Swift reaches the metadata of a concrete
#   generic type (ByteToMessageHandler<HTTPResponseDecoder>, [Key: HMAC<SHA256>]) by demangling its name at the
#   first use, and the runtime then proves each generic requirement by scanning all ~5,800 conformance records.
#   That was 65 % of the instructions from exec to the first /next (12.2 M -> 6.9 M without it). The flag calls
#   the type's metadata accessor with the witness tables the compiler already knows instead: +65 KB of code.
# shellcheck disable=SC2034 # used by the scripts that source this file
release_compile_flags=(-Xcc -ffunction-sections -Xcc -fdata-sections -Xswiftc -Xfrontend -Xswiftc -function-sections
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors)
# shellcheck disable=SC2034
bootstrap_build_args=(build -c release --product bootstrap --static-swift-stdlib -Xlinker --no-export-dynamic
  "${release_compile_flags[@]}")
# The developer CLI with the same compile flags, so that a release build of both shares every object.
# shellcheck disable=SC2034
carbontrack_build_args=(build -c release --product carbontrack --static-swift-stdlib "${release_compile_flags[@]}")

# The glibc the shipped bootstrap is linked against: Amazon Linux 2's, so one zip runs on provided.al2 and on
# provided.al2023 (glibc 2.34).
# shellcheck disable=SC2034
lambda_glibc_version="2.26"

# Links the release bootstrap of the last `swift build "${bootstrap_build_args[@]}"` again, from the same
# objects, against glibc $lambda_glibc_version's stubs with Zig (infra/lib/link-for-old-glibc.py), into $1.
# The functions listed in infra/lib/hot-functions.txt go first, together (see link-for-old-glibc.py).
# Needs .venv (ensure_python_env, infra/lib/python-env.bash). Takes ~10 s; nothing is recompiled.
link_bootstrap_for_lambda() {
  local here
  here="$(dirname "${BASH_SOURCE[0]}")"
  "$python_env_dir/bin/python" "$here/link-for-old-glibc.py" --product bootstrap --glibc "$lambda_glibc_version" \
    --scratch-path "$here/../../.build" --output "$1"
}
