#!/usr/bin/env bash
# Peak RSS (VmHWM, kB) of BOOTSTRAP after three self-tests and two requests of every API route, against moto
# behind the keep-alive proxy; prints the figure. Most of it is the binary's text that the kernel maps in 64 KiB
# windows around each first touch, so it grows when the functions a request runs leave the packed .text.hot
# (infra/lib/hot-functions.txt falling behind the code), and by 1.5 MB if the runtime stops releasing the relocation
# table (RelocationTablePages). Runs of one binary at different times ranged over 15 % (stop 26: 14,972-17,244 kB):
# on this 6.18 kernel the text is mapped in page-cache folios whose size depends on how the file entered the cache.
#
#   Benchmarks/guards/peak-rss.sh BOOTSTRAP CARBONTRACK
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/common.sh

bootstrap="$(realpath "$1")"
export CARBONTRACK="$2"
work="$(mktemp -d)"
ensure_python_env
start_moto
use_local_aws
start_keepalive_proxy
serve=""
trap 'kill "$MOTO_PID" "$PROXY_PID" $serve 2>/dev/null || true; rm -rf "$work"' EXIT
"$CARBONTRACK" tables create >&2
serve_function "$work/serve.out" "$bootstrap"
for _ in 1 2 3; do curl -fsS -d @events/self-test.json "$url" | grep -q '"overall_status":"PASS"'; done
python3 scripts/lib/route_bench.py "$url" "$pid" "$MOTO_ENDPOINT" events/api-v2 2 >/dev/null
sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$pid/status"
