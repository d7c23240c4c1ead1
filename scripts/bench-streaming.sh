#!/usr/bin/env bash
# Streamed against buffered: the CPU a function process spends to send the same response (1 MiB by default) as one
# buffered answer and as a stream of 64 KiB writes, side by side in one run, on the same local Runtime API server
# (`carbontrack serve --benchmark`, which reads the function's own CPU time from /proc). The function is the
# runtime's test function (Tests/RuntimeTestFunction), release-built with the flags bootstrap ships with.
#
#   scripts/bench-streaming.sh                       # 3 rounds of 500 invokes each way
#   ROUNDS=5 INVOCATIONS=1000 BYTES=1048576 CHUNK_BYTES=65536 scripts/bench-streaming.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

invocations="${INVOCATIONS:-500}"
rounds="${ROUNDS:-3}"
bytes="${BYTES:-1048576}"
chunk_bytes="${CHUNK_BYTES:-65536}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

log "release builds (carbontrack; the test function with bootstrap's flags)"
# shellcheck source=infra/lib/release-build.bash
source infra/lib/release-build.bash
swift "${carbontrack_build_args[@]}" >&2
swift build -c release --product RuntimeTestFunction --static-swift-stdlib -Xlinker --no-export-dynamic \
  "${release_compile_flags[@]}" >&2
bin="$(swift build -c release --show-bin-path)"
cc -O2 -o "$work/bare" Benchmarks/peers/bare_loop.c

printf '{"action":"large","bytes":%d}' "$bytes" >"$work/buffered.json"
printf '{"action":"streamBytes","bytes":%d,"chunkBytes":%d}' "$bytes" "$chunk_bytes" >"$work/streamed.json"

# cpu EVENT FUNCTION: the function's CPU per warm invoke, in µs.
cpu() {
  local figures
  figures="$("$bin/carbontrack" serve --port 0 --timeout 60 --benchmark "$invocations" --event "$1" -- "$2")"
  python3 -c 'import json,sys; f=json.loads(sys.argv[1]); assert f["failures"] == 0, f; print(round(f["warmCPUMicrosecondsPerInvoke"], 1))' "$figures"
}

ratio() { python3 -c "print(round($1 / $2, 3))"; }

echo "| round | ours buffered, µs | ours streamed ($((bytes / chunk_bytes)) writes), µs | ours streamed / buffered | C buffered, µs | C streamed, µs | C streamed / buffered |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  buffered="$(TEST_STREAMING=0 cpu "$work/buffered.json" "$bin/RuntimeTestFunction")"
  streamed="$(TEST_STREAMING=1 cpu "$work/streamed.json" "$bin/RuntimeTestFunction")"
  c_buffered="$(BARE_RESPONSE_BYTES="$bytes" cpu "$work/buffered.json" "$work/bare")"
  c_streamed="$(BARE_RESPONSE_BYTES="$bytes" BARE_CHUNK_BYTES="$chunk_bytes" cpu "$work/buffered.json" "$work/bare")"
  echo "| $round | $buffered | $streamed | $(ratio "$streamed" "$buffered") | $c_buffered | $c_streamed | $(ratio "$c_streamed" "$c_buffered") |"
done
