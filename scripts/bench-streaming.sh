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
  -Xcc -ffunction-sections -Xcc -fdata-sections >&2
bin="$(swift build -c release --show-bin-path)"

printf '{"action":"large","bytes":%d}' "$bytes" >"$work/buffered.json"
printf '{"action":"streamBytes","bytes":%d,"chunkBytes":%d}' "$bytes" "$chunk_bytes" >"$work/streamed.json"

# cpu STREAMING EVENT: the function's CPU per warm invoke, in µs.
cpu() {
  local figures
  figures="$(TEST_STREAMING="$1" "$bin/carbontrack" serve --port 0 --timeout 60 --benchmark "$invocations" \
    --event "$2" -- "$bin/RuntimeTestFunction")"
  python3 -c 'import json,sys; f=json.loads(sys.argv[1]); assert f["failures"] == 0, f; print(round(f["warmCPUMicrosecondsPerInvoke"], 1))' "$figures"
}

echo "| round | buffered: µs CPU per invoke | streamed ($((bytes / chunk_bytes)) writes): µs CPU per invoke | streamed / buffered |"
echo "|---|---|---|---|"
for round in $(seq "$rounds"); do
  buffered="$(cpu 0 "$work/buffered.json")"
  streamed="$(cpu 1 "$work/streamed.json")"
  echo "| $round | $buffered | $streamed | $(python3 -c "print(round($streamed / $buffered, 3))") |"
done
