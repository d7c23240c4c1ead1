#!/usr/bin/env bash
# Regression guards for the runtime and handler-path figures of docs/PERFORMANCE.md (issue 17). They count
# instructions under valgrind's callgrind, which are the same from run to run on a busy machine where CPU time moves
# by ±15 %, DynamoDB calls, which must not grow at all, and the peak RSS after a set of requests (peak-rss.sh),
# which moves by up to ~15 % with the state of the page cache (peak-rss.sh). Each measure fails when it exceeds its line in
# baselines.tsv by more than GUARD_TOLERANCE percent (10 by default), and says so when it has fallen well below it,
# so that a gain is recorded and then kept. scripts/test.sh runs this on the shipped bootstrap.
#
#   Benchmarks/guards/check.sh BOOTSTRAP CARBONTRACK           # CARBONTRACK: any build; only its `serve` is used
#   RECORD=1 Benchmarks/guards/check.sh BOOTSTRAP CARBONTRACK  # prints new baselines.tsv lines instead
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/common.sh

bootstrap="$(realpath "$1")"
export CARBONTRACK="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

log "guards: start-up and echo invoke (callgrind)"
INVOCATIONS=200 bash scripts/bench-instructions.sh "$bootstrap" | tee "$work/echo.md" >&2
log "guards: routes and the self-test (callgrind, moto)"
ROUTES="get-user create-user create-entry list-entries self-test" ROUTE_REQUESTS=10 \
  bash scripts/bench-route-instructions.sh "$bootstrap" | tee "$work/routes.md" >&2
log "guards: peak RSS after the self-test and every route"
bash Benchmarks/guards/peak-rss.sh "$bootstrap" "$CARBONTRACK" | tee "$work/peak-rss.txt" >&2

python3 - "$work/echo.md" "$work/routes.md" "$work/peak-rss.txt" Benchmarks/guards/baselines.tsv <<'PY'
import os, sys

def rows(path):
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in open(path) if line.startswith("| /")]

measured = {}
for _, start_and_stop, per_invoke in rows(sys.argv[1]):
    measured["start-and-stop"] = (int(start_and_stop), 0)
    measured["echo-invoke"] = (int(per_invoke), 0)
for _, route, instructions, calls, failed in rows(sys.argv[2]):
    if failed != "0":
        raise SystemExit(f"guard: {failed} of the {route} requests failed")
    measured[route] = (int(instructions.replace(",", "")), float(calls))
measured["peak-rss-kb"] = (int(open(sys.argv[3]).read()), 0)

if os.environ.get("RECORD"):
    for name, (instructions, calls) in measured.items():
        print(f"{name}\t{instructions}\t{calls:g}")
    raise SystemExit(0)

tolerance = float(os.environ.get("GUARD_TOLERANCE", "10")) / 100
baselines = {}
for line in open(sys.argv[4]):
    if line.strip() and not line.startswith("#"):
        name, instructions, calls = line.split()
        baselines[name] = (int(instructions), float(calls))
failures = []
print("| measure | instructions (kB for peak-rss-kb) | baseline | change | DynamoDB calls | baseline |")
print("|---|---|---|---|---|---|")
for name, (base_instructions, base_calls) in baselines.items():
    if name not in measured:
        failures.append(f"{name}: not measured")
        continue
    instructions, calls = measured[name]
    change = instructions / base_instructions - 1
    print(f"| {name} | {instructions:,} | {base_instructions:,} | {change:+.1%} | {calls:g} | {base_calls:g} |")
    if change > tolerance:
        failures.append(f"{name}: {instructions:,}, {change:+.1%} over the baseline (limit +{tolerance:.0%})")
    elif change < -tolerance:
        print(f"guard: {name} is {change:.1%} below its baseline; record the gain in Benchmarks/guards/baselines.tsv", file=sys.stderr)
    if calls > base_calls:
        failures.append(f"{name}: {calls:g} DynamoDB calls per request, baseline {base_calls:g}")
if failures:
    raise SystemExit("guard failed:\n  " + "\n  ".join(failures))
PY
