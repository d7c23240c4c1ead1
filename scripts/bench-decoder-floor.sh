#!/usr/bin/env bash
# The floor under issue 17's warm-invoke and cold-start goals once NIO's HTTP parser is kept: function CPU per warm
# echo invoke (over INVOCATIONS) and cold start (spawn to first /next, median of COLD_RUNS) of the bare C loop, of
# the decoder floor (the same two calls, every answer read by NIO's HTTP/1.1 decoder in an EmbeddedChannel:
# scripts/build-decoder-floor.sh) and of bootstrap (_HANDLER=echo), in ROUNDS alternating rounds behind one
# `carbontrack serve --benchmark`. Prints a Markdown table with the ratios.
#
#   scripts/bench-decoder-floor.sh                                   # builds what it needs
#   BOOTSTRAP=... CARBONTRACK=... FLOOR=... ROUNDS=5 scripts/bench-decoder-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

rounds="${ROUNDS:-5}"
invocations="${INVOCATIONS:-3000}"
cold_runs="${COLD_RUNS:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "${BOOTSTRAP:-}" || -z "${CARBONTRACK:-}" ]]; then
  build_release_bootstrap_and_cli >&2
  strip -o "$work/bootstrap" "$release_bin/bootstrap-lambda"
  BOOTSTRAP="$work/bootstrap" CARBONTRACK="$release_bin/carbontrack"
fi
FLOOR="${FLOOR:-$(scripts/build-decoder-floor.sh)}"
cc -O2 -o "$work/bare" Benchmarks/peers/bare_loop.c
printf '{"hello":"world","numbers":[1,2,3],"nested":{"ok":true}}' >"$work/event.json"

# CPU per warm invoke, µs, of one `serve --benchmark` run of the given command; fails if any invoke failed.
cpu_per_invoke() {
  "$CARBONTRACK" serve --port 0 --timeout 60 --benchmark "$invocations" --event "$work/event.json" -- "$@" |
    python3 -c '
import json, sys
figures = json.loads(sys.stdin.read().splitlines()[-1])
if figures["failures"]:
    sys.exit("%d of %d invokes failed" % (figures["failures"], figures["invocations"]))
print(figures["warmCPUMicrosecondsPerInvoke"])'
}

# One table row: report ROUND cpu|cold C-LOOP FLOOR BOOTSTRAP.
report() {
  python3 - "$@" <<'PY'
import sys
round_, measure, (bare, floor, ours) = sys.argv[1], sys.argv[2], map(float, sys.argv[3:])
label, digits = ("CPU per warm invoke, µs", 0) if measure == "cpu" else ("cold start, ms", 2)
print(f"| {round_} | {label} | {bare:.{digits}f} | {floor:.{digits}f} | {ours:.{digits}f} | {floor / bare:.2f} "
      f"| {ours / bare:.2f} | {ours / floor:.2f} |")
PY
}

echo "| round | measure | C loop | decoder floor | bootstrap | floor ÷ C | bootstrap ÷ C | bootstrap ÷ floor |"
echo "|---|---|---|---|---|---|---|---|"
for ((round = 1; round <= rounds; round++)); do
  order=(bare floor ours)
  ((round % 2 == 0)) && order=(ours floor bare)
  declare -A cpu=() cold=()
  for contender in "${order[@]}"; do
    log "round $round: $contender"
    case "$contender" in
      bare) command=("$work/bare") ;;
      floor) command=("$FLOOR") ;;
      ours) command=(/usr/bin/env _HANDLER=echo "$BOOTSTRAP") ;;
    esac
    cpu[$contender]="$(cpu_per_invoke "${command[@]}")"
    cold[$contender]="$(median_cold_start_ms "$cold_runs" "$work/event.json" "${command[@]}")"
  done
  report "$round" cpu "${cpu[bare]}" "${cpu[floor]}" "${cpu[ours]}"
  report "$round" cold "${cold[bare]}" "${cold[floor]}" "${cold[ours]}"
done
