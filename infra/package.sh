#!/usr/bin/env bash
# Builds the release `bootstrap` with the Swift standard library linked statically, strips it and
# zips it as `bootstrap` at the root of the archive, which is what a Lambda custom runtime expects.
#
# Where a Docker engine answers, the build runs in the swift:<version>-amazonlinux2 image, so the
# binary needs no newer glibc than Amazon Linux 2 has (2.26); that binary runs on provided.al2 and
# provided.al2023. Otherwise it builds on this machine and reports the highest GLIBC symbol version
# the binary needs, warning when the chosen runtime's glibc (2.26 / 2.34) is older.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/package.sh [options]

Options:
  --runtime RUNTIME        provided.al2023 (default) or provided.al2; sets the glibc limit checked
  --arch ARCH              x86_64 or arm64 (default: this machine's); another architecture needs Docker
  --swift-version VERSION  Swift image tag for the Docker build (default: the local toolchain's, e.g. 6.3.1)
  --output ZIP             where to write the archive (default: dist/carbontrack-lambda.zip)
  --docker | --local       force the build inside Docker or on this machine (default: Docker when `docker info` works)
  --binary PATH            package an already built bootstrap instead of building one (still stripped and checked)
  --dry-run                print what would be done and exit
  -h, --help               show this help

Prints the archive's path, size and base64 SHA-256 (what Lambda reports as CodeSha256).
Exit status: 0 on success (also when only warnings were printed), 1 on failure, 2 on bad usage.
EOF
}

# shellcheck source-path=SCRIPTDIR source=lib/cli.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/cli.bash"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

runtime="provided.al2023"
arch=""
swift_version=""
output="$repo_root/dist/carbontrack-lambda.zip"
mode="auto"
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
    --docker) mode="docker"; shift ;;
    --local) mode="local"; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option: $1" ;;
  esac
done

case "$runtime" in
  provided.al2) glibc_limit="2.26" ;;
  provided.al2023) glibc_limit="2.34" ;;
  *) usage_error "--runtime must be provided.al2023 or provided.al2, got '$runtime'" ;;
esac

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

# Decide where the binary comes from.
if [[ -n "$binary" ]]; then
  mode="prebuilt"
  [[ -f "$binary" ]] || die "--binary $binary does not exist"
elif [[ "$mode" == "auto" ]]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    mode="docker"
  else
    mode="local"
  fi
fi
if [[ "$mode" == "docker" ]] && ! { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
  die "--docker was given but no Docker engine answers 'docker info'"
fi
if [[ "$mode" == "local" && "$arch" != "$host_arch" ]]; then
  die "building for $arch on a $host_arch machine needs Docker (the local toolchain does not cross-compile here)"
fi

if [[ -z "$swift_version" && "$mode" == "docker" ]]; then
  swift_version="$(swift --version 2>/dev/null | grep -oE 'Swift version [0-9]+\.[0-9]+(\.[0-9]+)?' | head -1 | cut -d' ' -f3)" ||
    true
  [[ -n "$swift_version" ]] || die "could not read the local Swift version; pass --swift-version"
fi

# shellcheck source-path=SCRIPTDIR source=lib/release-build.bash
source "$repo_root/infra/lib/release-build.bash"
build_args=("${bootstrap_build_args[@]}")
image="swift:${swift_version}-amazonlinux2"
# A separate scratch path inside the container: the host's .build holds objects built against
# another glibc and must not be mixed with them.
docker_scratch=".build-docker-al2-$arch"
docker_command=(docker run --rm --platform "$docker_platform" -v "$repo_root:/src" -w /src "$image"
  bash -c "swift ${build_args[*]} --scratch-path $docker_scratch && strip -o $docker_scratch/bootstrap.stripped \
\$(swift build -c release --scratch-path $docker_scratch --show-bin-path)/bootstrap")

echo "runtime $runtime (glibc $glibc_limit), architecture $arch, build: $mode"
if [[ "$dry_run" == true ]]; then
  case "$mode" in
    docker) echo "would run: ${docker_command[*]}" ;;
    local) echo "would run: swift ${build_args[*]} (in $repo_root), then strip" ;;
    prebuilt) echo "would strip and package $binary" ;;
  esac
  echo "would write: $output"
  exit 0
fi

for tool in zip strip readelf openssl; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH (Debian/Ubuntu: apt-get install zip binutils openssl)"
done

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
staged="$work_dir/bootstrap"

case "$mode" in
  docker)
    echo "building in $image (first run downloads the image and all dependencies)"
    "${docker_command[@]}"
    cp "$repo_root/$docker_scratch/bootstrap.stripped" "$staged"
    ;;
  local)
    command -v swift >/dev/null 2>&1 || die "'swift' is not on PATH"
    echo "building on this machine: swift ${build_args[*]}"
    (cd "$repo_root" && swift "${build_args[@]}")
    bin_path="$(cd "$repo_root" && swift build -c release --show-bin-path)"
    strip -o "$staged" "$bin_path/bootstrap"
    ;;
  prebuilt)
    strip -o "$staged" "$binary"
    ;;
esac
chmod 0755 "$staged"

# --- checks of the binary ---------------------------------------------------------------------------
machine="$(readelf -h "$staged" | sed -n 's/^ *Machine: *//p')"
[[ "$machine" == *"$elf_machine"* ]] || die "the binary is built for '$machine', not $arch"

needed="$(readelf -d "$staged" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
echo "shared libraries needed: ${needed:-none}"
swift_libraries="$(grep -oE 'lib(swift|Foundation|icu|dispatch|BlocksRuntime)[^ ]*' <<<"$needed" | tr '\n' ' ' || true)"
if [[ -n "$swift_libraries" ]]; then
  warn "the binary loads Swift runtime libraries (${swift_libraries% }); Lambda's OS-only runtimes do not have them." \
    "Build with --static-swift-stdlib (this script does unless --binary is given)."
fi

highest_glibc="$(readelf -V "$staged" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -1)"
if [[ -z "$highest_glibc" ]]; then
  echo "glibc symbol versions: none (statically linked)"
else
  echo "highest GLIBC symbol version needed: $highest_glibc ($runtime provides $glibc_limit)"
  if [[ "$(printf '%s\n%s\n' "$highest_glibc" "$glibc_limit" | sort -V | tail -1)" != "$glibc_limit" ]]; then
    warn "the binary needs GLIBC_$highest_glibc but $runtime only has glibc $glibc_limit: it will fail to start" \
      "there ('version GLIBC_$highest_glibc not found'). This zip is for local use only; build where Docker" \
      "works (swift:<version>-amazonlinux2 image) for a deployable one."
  fi
fi

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
