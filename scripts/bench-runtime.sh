#!/usr/bin/env bash
# Runtime benchmark: the Swift bootstrap against AWS's Python runtime interface client (awslambdaric) and a bare
# C loop that only makes the two Runtime API calls per invoke (the floor), all on the same local Runtime API server
# (`carbontrack serve --benchmark`) in one run.
#
# Measures (a) cold start: process spawn to its first /next (median of COLD_RUNS), (b) warm invokes/s over
# INVOCATIONS echo invokes and the function's CPU time per invoke, (c) RSS after them, (d) stripped binary size.
# Prints a Markdown table.
#
#   scripts/bench-runtime.sh                   # builds what it needs
#   INVOCATIONS=2000 COLD_RUNS=5 scripts/bench-runtime.sh
set -euo pipefail
cd "$(dirname "$0")/.."

invocations="${INVOCATIONS:-10000}"
cold_runs="${COLD_RUNS:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source scripts/lib/common.sh

log "release builds (bootstrap built and linked as infra/package.sh ships it; carbontrack)"
# Same arguments as infra/package.sh, so the figures are those of the shipped binary: the build's own link
# (against this machine's glibc) and the Zig relink against glibc 2.26 that ships, side by side.
ensure_python_env
# shellcheck source=infra/lib/release-build.bash
source infra/lib/release-build.bash
swift "${bootstrap_build_args[@]}" >&2
swift "${carbontrack_build_args[@]}" >&2
bin="$(swift build -c release --show-bin-path)"
link_bootstrap_for_lambda "$work/bootstrap.unstripped" >&2
strip -o "$work/bootstrap" "$work/bootstrap.unstripped"
strip -o "$work/bootstrap-plain" "$bin/bootstrap"
serve="$bin/carbontrack"

# A baseline only (not a project tool, so not in infra/requirements.txt); pinned for repeatable figures.
log "awslambdaric (PyPI) in a virtualenv"
venv="${RIC_VENV:-.build/bench-venv}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import awslambdaric' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet awslambdaric==4.2.2 >&2
fi
mkdir -p "$work/python"
cat >"$work/python/echo.py" <<'PY'
def handler(event, context):
    return event
PY

log "bare C loop (GET /next, POST /response, nothing else)"
cc -O2 -o "$work/bare" Benchmarks/peers/bare_loop.c
strip "$work/bare"

printf '{"hello":"world","numbers":[1,2,3],"nested":{"ok":true}}' >"$work/event.json"

# One serve run; prints its JSON line of figures.
run() {
  local count="$1"
  shift
  "$serve" serve --port 0 --timeout 30 --handler echo --benchmark "$count" --event "$work/event.json" -- "$@"
}

# Median of the initMs field over $cold_runs single-invoke runs.
cold_start() {
  for _ in $(seq "$cold_runs"); do run 1 "$@"; done |
    python3 -c 'import json,sys,statistics; print(round(statistics.median(json.loads(l)["initMs"] for l in sys.stdin), 2))'
}

field() { python3 -c "import json,sys; print(round(json.loads(sys.argv[1])[sys.argv[2]], 1))" "$1" "$2"; }

declare -A name cold warm cpu rss size
contenders=(swift swift_plain python bare)
name[swift]="Swift bootstrap (this repo, as shipped: Zig link, glibc 2.26)"
name[swift_plain]="Swift bootstrap (same objects, plain link, this machine's glibc)"
name[python]="Python awslambdaric echo"
name[bare]="bare C loop (floor)"
# shellcheck disable=SC2034 # read through the nameref below
command_swift=("$work/bootstrap")
# shellcheck disable=SC2034
command_swift_plain=("$work/bootstrap-plain")
# shellcheck disable=SC2034
command_python=(/usr/bin/env "PYTHONPATH=$work/python" "$venv/bin/python" -m awslambdaric echo.handler)
# shellcheck disable=SC2034
command_bare=("$work/bare")
size[swift]="$(stat -c %s "$work/bootstrap") B"
size[swift_plain]="$(stat -c %s "$work/bootstrap-plain") B"
size[python]="n/a (interpreter; venv $(du -sb "$venv" | cut -f1) B)"
size[bare]="$(stat -c %s "$work/bare") B"

for contender in "${contenders[@]}"; do
  declare -n command="command_$contender"
  log "${name[$contender]}: cold start x$cold_runs"
  cold[$contender]="$(cold_start "${command[@]}")"
  log "${name[$contender]}: $invocations warm invokes"
  figures="$(run "$invocations" "${command[@]}")"
  [[ "$(field "$figures" failures)" == "0" ]] || {
    echo "failures in $figures" >&2
    exit 1
  }
  warm[$contender]="$(field "$figures" warmInvokesPerSecond)"
  rss[$contender]="$(field "$figures" rssKB)"
  cpu[$contender]="$(field "$figures" warmCPUMicrosecondsPerInvoke)"
  unset -n command
done

echo
echo "Runtime benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $invocations invokes, cold start = median of $cold_runs"
echo
echo "| runtime | cold start (spawn → first /next) | warm invokes/s | function CPU per warm invoke | RSS after | stripped binary |"
echo "|---|---|---|---|---|---|"
for contender in "${contenders[@]}"; do
  echo "| ${name[$contender]} | ${cold[$contender]} ms | ${warm[$contender]} | ${cpu[$contender]} µs | ${rss[$contender]} KB | ${size[$contender]} |"
done
echo
echo "Warm overhead vs the floor: $(python3 -c "print(round(${warm[bare]} / ${warm[swift]}, 2))")x"
echo "Shipped (Zig) vs plain link: cold start $(python3 -c "print(round(${cold[swift]} / ${cold[swift_plain]}, 3))")x," \
  "CPU per invoke $(python3 -c "print(round(${cpu[swift]} / ${cpu[swift_plain]}, 3))")x," \
  "RSS $(python3 -c "print(round(${rss[swift]} / ${rss[swift_plain]}, 3))")x"
