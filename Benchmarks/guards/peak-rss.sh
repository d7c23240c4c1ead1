#!/usr/bin/env bash
# Peak RSS (VmHWM, kB) of BOOTSTRAP after three self-tests and two requests of every API route, against moto
# behind the keep-alive proxy; prints the figure. Most of it is the binary's text that the kernel maps in 64 KiB
# windows around each first touch, so it grows when the functions a request runs leave the packed .text.hot
# (infra/lib/hot-functions.txt falling behind the code). Four runs of one binary spanned 2.5 %: on this 6.18
# kernel the text is mapped in page-cache folios whose size depends on how the file entered the cache.
#
#   Benchmarks/guards/peak-rss.sh BOOTSTRAP CARBONTRACK
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/common.sh

bootstrap="$(realpath "$1")"
carbontrack="$2"
work="$(mktemp -d)"
ensure_python_env
start_moto
use_local_aws
start_keepalive_proxy
serve=""
trap 'kill "$MOTO_PID" "$PROXY_PID" $serve 2>/dev/null || true; rm -rf "$work"' EXIT
"$carbontrack" tables create >&2
port="$(free_port)"
"$carbontrack" serve --port "$port" --quiet --timeout 60 -- "$bootstrap" >"$work/serve.out" 2>&1 &
serve=$!
pid="$(served_function_pid "$work/serve.out")"
url="http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
for _ in $(seq 1 100); do curl -fsS -d @events/ping.json "$url" >/dev/null 2>&1 && break; sleep 0.1; done
for _ in 1 2 3; do curl -fsS -d @events/self-test.json "$url" | grep -q '"overall_status":"PASS"'; done
python3 scripts/lib/route_bench.py "$url" "$pid" "$MOTO_ENDPOINT" events/api-v2 2 >/dev/null
sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$pid/status"
