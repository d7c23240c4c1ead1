#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz (a package of their own, built in Tests/Fuzz/.build) and runs each
# for FUZZ_SECONDS from a copy of its committed seed corpus, so a run never writes into the repository.
# Exits non-zero on the first crash, leak, timeout or out-of-memory, printing the reproducer and how to replay it.
#
#   scripts/fuzz.sh                       every target, FUZZ_SECONDS (default 20) each
#   scripts/fuzz.sh FuzzSigV4 FuzzItemJSON  only these
#   FUZZ_SECONDS=3600 FUZZ_CORPUS_DIR=~/fuzz-corpus scripts/fuzz.sh FuzzAPIEvent
#                                         a long run that keeps (and next time resumes) the corpus it grows
#   FUZZ_BUILD_ONLY=1 scripts/fuzz.sh     build, do not run
#
# FUZZ_ARGS adds libFuzzer flags (e.g. "-fork=2", "-max_len=65536"). Replay one input: <binary> <file>.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(FuzzAPIEvent FuzzItemJSON FuzzSigV4 FuzzRuntimeAPI)
seconds="${FUZZ_SECONDS:-20}"
package=Tests/Fuzz

log() { printf '==> %s\n' "$*" >&2; }

targets=("$@")
if ((${#targets[@]} == 0)); then targets=("${all_targets[@]}"); fi
for target in "${targets[@]}"; do
  if [[ ! -d "$package/Sources/$target" || "$target" == FuzzSupport ]]; then
    log "unknown fuzz target '$target'; the targets are: ${all_targets[*]}"
    exit 2
  fi
done
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  log "FUZZ_SECONDS must be a whole number of seconds, got '$seconds'"
  exit 2
fi

# The fuzz package resolves its dependencies on its own; start from the versions the main package uses.
if [[ ! -f "$package/Package.resolved" && -f Package.resolved ]]; then
  cp Package.resolved "$package/Package.resolved"
fi

# SwiftPM's own sanitizer switches instrument the C targets and, with `fuzzer`, leave `main` to libFuzzer. For
# Swift it passes -sanitize=fuzzer and -sanitize=address as two flags, and swiftc keeps only the last (Swift
# 6.3.1): the code would get ASan but no coverage. The list form, given last, restores both.
# -enable-testing lets the targets reach internal parsers with @testable import, as the unit tests do.
# CARBONTRACK_FUZZ=1 publishes the app (no product otherwise) to this build, for FuzzAPIEvent (Package.swift).
export CARBONTRACK_FUZZ=1
build_args=(--package-path "$package" -c release --sanitize=fuzzer --sanitize=address
  -Xswiftc "-sanitize=fuzzer,address" -Xswiftc -enable-testing)
log "building the fuzz targets (swift build ${build_args[*]})"
build_started=$SECONDS
build_log="$(mktemp -t carbontrack-fuzz-build.XXXXXX)"
# Every target in one build, which SwiftPM runs more in parallel; a run of some targets builds only their products,
# one at a time, as SwiftPM builds only the last --product given.
products=()
if ((${#targets[@]} < ${#all_targets[@]})); then products=("${targets[@]}"); else products=(""); fi
for product in "${products[@]}"; do
  if ! swift build "${build_args[@]}" ${product:+--product "$product"} >>"$build_log" 2>&1; then
    cat "$build_log" >&2
    log "the fuzz build${product:+ of $product} failed; log: $build_log"
    exit 1
  fi
done
# gold cannot export one ASan-internal symbol and says so at every link; that is the toolchain, not our code.
grep -E 'warning:' "$build_log" | grep -v "local symbol '__asan_extra_spill_area'" >&2 || true
rm -f "$build_log"
log "fuzz build took $((SECONDS - build_started)) s"
bin="$(swift build "${build_args[@]}" --show-bin-path)"
if [[ -n "${FUZZ_BUILD_ONLY:-}" ]]; then exit 0; fi

work="$(mktemp -d -t carbontrack-fuzz.XXXXXX)"
for target in "${targets[@]}"; do
  if [[ -n "${FUZZ_CORPUS_DIR:-}" ]]; then
    corpus="$FUZZ_CORPUS_DIR/$target"
  else
    corpus="$work/corpus/$target"
  fi
  artifacts="$work/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  for seed in "$package/Corpus/$target"/*; do
    [[ -e "$corpus/${seed##*/}" ]] || cp "$seed" "$corpus/"
  done
  fuzz_log="$work/$target.log"
  log "fuzzing $target for ${seconds} s (corpus $corpus)"
  # libFuzzer reports crashes itself; Swift's backtracer would also read memory ASan forbids and muddle the report.
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  if SWIFT_BACKTRACE=enable=no "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -dict="$package/Dictionaries/$target.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    ${FUZZ_ARGS:-} "$corpus" >"$fuzz_log" 2>&1; then
    # Without coverage feedback libFuzzer only throws random bytes; a run like that proves little, so it fails.
    if ! grep -qE 'INITED cov: [1-9]' "$fuzz_log"; then
      tail -n 20 "$fuzz_log" >&2
      log "$target is not instrumented for coverage; full log: $fuzz_log"
      exit 1
    fi
    grep -E '^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+.*DONE)' "$fuzz_log" >&2 || true
    continue
  fi
  tail -n 60 "$fuzz_log" >&2
  log "$target FAILED; full log: $fuzz_log"
  shopt -s nullglob
  for reproducer in "$artifacts"/*; do
    log "reproducer: $reproducer"
    log "replay it:  $bin/$target $reproducer"
  done
  exit 1
done
rm -rf "$work"
log "every fuzz target ran ${seconds} s without a crash, leak or timeout"
