#!/usr/bin/env bash
# Builds the release `bootstrap` with the Swift standard library linked statically, checks that it can start
# on the chosen Lambda runtime, strips it and zips it as `bootstrap` at the root of the archive, which is what a
# Lambda custom runtime expects.
#
# Lambda's OS-only runtimes have an old glibc (provided.al2: 2.26, provided.al2023: 2.34), older than most
# build machines'. Three ways to a binary that starts there:
#   --zig (default)  build here, then link again with `zig cc` against glibc 2.26's stubs (Zig from .venv,
#                    pinned in infra/requirements.txt); no Docker, no second compile;
#   --docker         build inside the swift:<version>-amazonlinux2 image (glibc 2.26);
#   --binary PATH    package a bootstrap built elsewhere.
# Whichever way, the binary is checked symbol by symbol against the runtime's glibc ABI
# (infra/lib/check-glibc-imports.py). A binary that fails the check is an error: no zip is written.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/package.sh [options]

Options:
  --runtime RUNTIME        provided.al2, provided.al2023 or both (default: both); sets the glibc checked
                           against: 2.26 for provided.al2 and both, 2.34 for provided.al2023
  --arch ARCH              x86_64 or arm64 (default: this machine's); another architecture needs Docker
  --zig                    build here and link against glibc 2.26 with Zig (the default)
  --docker                 build inside the swift:<version>-amazonlinux2 image
  --binary PATH            package an already built bootstrap instead of building one (still checked)
  --swift-version VERSION  Swift image tag for --docker (default: the local toolchain's, e.g. 6.3.1)
  --output ZIP             where to write the archive (default: dist/carbontrack-lambda.zip)
  --dry-run                print what would be done and exit
  -h, --help               show this help

Prints the libraries the binary needs, the highest GLIBC version it imports, the verdict of the glibc check,
then the archive's path, size and base64 SHA-256 (what Lambda reports as CodeSha256).
Exit status: 0 on success, 1 on failure (a binary that cannot start on the runtime included), 2 on bad usage.
EOF
}

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/cli.bash
source "$repo_root/infra/lib/cli.bash"
# shellcheck source-path=SCRIPTDIR source=lib/python-env.bash
source "$repo_root/infra/lib/python-env.bash"
# shellcheck source-path=SCRIPTDIR source=lib/release-build.bash
source "$repo_root/infra/lib/release-build.bash"
# shellcheck source-path=SCRIPTDIR source=lib/runtime-glibc.bash
source "$repo_root/infra/lib/runtime-glibc.bash"

runtime="both"
arch=""
swift_version=""
output="$repo_root/dist/carbontrack-lambda.zip"
mode="zig"
binary=""
dry_run=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runtime | --arch | --swift-version | --output | --binary)
      [[ $# -ge 2 ]] || usage_error "$1 needs a value"
      case "$1" in
        --runtime) runtime="$2" ;;
        --arch) arch="$2" ;;
        --swift-version) swift_version="$2" ;;
        --output) output="$2" ;;
        --binary) binary="$2" ;;
      esac
      shift 2
      ;;
    --zig) mode="zig"; shift ;;
    --docker) mode="docker"; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option: $1" ;;
  esac
done

glibc_limit="$(glibc_of_runtime "$runtime")" ||
  usage_error "--runtime must be provided.al2, provided.al2023 or both, got '$runtime'"

case "$(uname -m)" in
  x86_64 | amd64) host_arch="x86_64" ;;
  aarch64 | arm64) host_arch="arm64" ;;
  *) host_arch="$(uname -m)" ;;
esac
arch="${arch:-$host_arch}"
case "$arch" in
  x86_64) elf_machine="X86-64"; docker_platform="linux/amd64" ;;
  arm64) elf_machine="AArch64"; docker_platform="linux/arm64" ;;
  *) usage_error "--arch must be x86_64 or arm64, got '$arch'" ;;
esac
[[ "$output" == *.zip ]] || usage_error "--output must end in .zip, got '$output'"
if [[ "$output" != /* ]]; then
  output="$PWD/$output"
fi

if [[ -n "$binary" ]]; then
  mode="prebuilt"
  [[ -f "$binary" ]] || die "--binary $binary does not exist"
fi
if [[ "$mode" == "docker" ]] && ! { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
  die "--docker was given but no Docker engine answers 'docker info'; the default build (--zig) needs none"
fi
if [[ "$mode" == "zig" && "$arch" != "$host_arch" ]]; then
  die "--zig builds for this machine ($host_arch) only: the local Swift toolchain compiles for $host_arch" \
    "(see docs/OPERATIONS.md, 'arm64'); use --docker or build on an $arch machine"
fi

if [[ -z "$swift_version" && "$mode" == "docker" ]]; then
  swift_version="$(swift --version 2>/dev/null | grep -oE 'Swift version [0-9]+\.[0-9]+(\.[0-9]+)?' | head -1 | cut -d' ' -f3)" ||
    true
  [[ -n "$swift_version" ]] || die "could not read the local Swift version; pass --swift-version"
fi

image="swift:${swift_version}-amazonlinux2"
# A separate scratch path inside the container: the host's .build holds objects built against another glibc.
# libstdc++ and libgcc are linked statically there too (a folder holding only libstdc++.a, searched first, and
# -static-libgcc), so the binary needs nothing from the image's C++ runtime.
docker_scratch=".build-docker-al2-$arch"
docker_script="mkdir -p /tmp/static-cxx && ln -sf \"\$(g++ -print-file-name=libstdc++.a)\" /tmp/static-cxx/ &&
swift ${bootstrap_build_args[*]} --scratch-path $docker_scratch -Xswiftc -L/tmp/static-cxx \
-Xswiftc -Xclang-linker -Xswiftc -static-libgcc &&
strip -o $docker_scratch/bootstrap.stripped \$(swift build -c release --scratch-path $docker_scratch --show-bin-path)/bootstrap"
docker_command=(docker run --rm --platform "$docker_platform" -v "$repo_root:/src" -w /src "$image" bash -c "$docker_script")

echo "runtime $runtime (glibc $glibc_limit), architecture $arch, build: $mode"
if [[ "$dry_run" == true ]]; then
  case "$mode" in
    docker) echo "would run: ${docker_command[*]}" ;;
    zig) echo "would run: swift ${bootstrap_build_args[*]} (in $repo_root), then link it again with zig cc" \
      "against glibc $lambda_glibc_version (infra/lib/link-for-old-glibc.py), then strip" ;;
    prebuilt) echo "would strip and check $binary" ;;
  esac
  echo "would check it against glibc $glibc_limit and write: $output"
  exit 0
fi

ensure_python_env || die "could not set up the Python tools in $python_env_dir (infra/requirements.txt)"
ensure_commands zip=zip strip=binutils readelf=binutils openssl=openssl ||
  die "zip, binutils and openssl are needed (Debian/Ubuntu: apt-get install zip binutils openssl)"

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
staged="$work_dir/bootstrap"

case "$mode" in
  docker)
    echo "building in $image (first run downloads the image and all dependencies)"
    "${docker_command[@]}"
    cp "$repo_root/$docker_scratch/bootstrap.stripped" "$staged"
    ;;
  zig)
    command -v swift >/dev/null 2>&1 || die "'swift' is not on PATH"
    echo "building on this machine: swift ${bootstrap_build_args[*]}"
    (cd "$repo_root" && swift "${bootstrap_build_args[@]}")
    echo "linking it again against glibc $lambda_glibc_version with zig cc"
    link_bootstrap_for_lambda "$work_dir/bootstrap.unstripped" || die "linking with zig failed (messages above)"
    strip -o "$staged" "$work_dir/bootstrap.unstripped"
    ;;
  prebuilt)
    strip -o "$staged" "$binary"
    ;;
esac
chmod 0755 "$staged"

# --- checks of the binary ---------------------------------------------------------------------------
machine="$(readelf -h "$staged" | sed -n 's/^ *Machine: *//p')"
[[ "$machine" == *"$elf_machine"* ]] || die "the binary is built for '$machine', not $arch"
check_binary_for_runtime "$staged" "$runtime" ||
  die "bootstrap cannot start on $runtime (glibc $glibc_limit); no zip written." \
    "Build it with the default --zig (or --docker) instead of on this machine's glibc."

# --- the archive ------------------------------------------------------------------------------------
mkdir -p "$(dirname "$output")"
rm -f "$output"
# -X drops extra file attributes; zip keeps the Unix mode, so bootstrap stays executable.
(cd "$work_dir" && zip -X -q -9 "$output" bootstrap)

zip_bytes="$(wc -c <"$output" | tr -d ' ')"
binary_bytes="$(wc -c <"$staged" | tr -d ' ')"
code_sha256="$(openssl dgst -sha256 -binary "$output" | base64)"
if ((zip_bytes > 50 * 1024 * 1024)); then
  warn "the archive is over 50 MB: upload it through S3 (deploy.sh --s3-bucket) instead of directly"
fi
echo "bootstrap: $binary_bytes bytes ($((binary_bytes / 1024 / 1024)) MiB) stripped, $arch"
echo "zip: $output"
echo "size: $zip_bytes bytes ($((zip_bytes / 1024)) KiB)"
echo "CodeSha256: $code_sha256"
