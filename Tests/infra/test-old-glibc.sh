#!/usr/bin/env bash
# Proves that the zip infra/package.sh writes runs on an older glibc than this machine's, the way Lambda runs it:
# - a minimal Debian bullseye root (glibc 2.31, older than Debian 12's 2.36; Lambda's provided.al2023 has 2.34),
#   made once with debootstrap and kept in .build-old-glibc-root/ (ignored by git; CI builds it afresh);
# - the packaged bootstrap runs inside it (chroot, with /proc mounted in a private mount namespace: Swift reads
#   its arguments there), started by `carbontrack serve` on this machine as the function process;
# - it answers a ping, passes the 10-step self-test against the harness's moto server over loopback, and exits 0
#   on SIGTERM;
# - the plain build of the same code (linked against this machine's glibc) fails in that root with the GLIBC
#   error, so this test would fail if the package were not relinked.
# Needs root (or sudo) for debootstrap, chroot and mount.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

for tool in debootstrap unshare chroot unzip curl python3; do
  require_tool "$tool"
done
if ((EUID == 0)); then
  as_root=()
elif sudo -n true 2>/dev/null; then
  as_root=(sudo -n -E)
else
  if [[ "${CI:-}" == "true" ]]; then
    fail "running as root or with password-less sudo (debootstrap, chroot, mount)" "uid $EUID, no sudo"
    finish
  fi
  echo "skipping $(basename "$0"): needs root or password-less sudo (this would fail with CI=true)"
  echo "infra: 0 passed, 0 failed"
  exit 0
fi
use_shared_moto
cli="$(find_carbontrack_cli)"
plain_bootstrap="${BOOTSTRAP_PLAIN_PATH:-$repo_root/.build/release/bootstrap}"
if [[ -z "$cli" || ! -x "$plain_bootstrap" ]]; then
  fail "the carbontrack CLI and the plain release bootstrap are built" "cli: '$cli', plain: '$plain_bootstrap'"
  finish
fi

work="$(mktemp -d)"
at_exit "rm -rf '$work'"

# --- the old root, made once ---------------------------------------------------------------------------
root="${OLD_GLIBC_ROOT:-$repo_root/.build-old-glibc-root/bullseye}"
mirror="${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)\/*$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
  head -1)}"
mirror="${mirror:-http://deb.debian.org/debian}"
if [[ ! -f "$root/.complete" ]]; then
  echo "making a bullseye root in $root from $mirror (once; about a minute)"
  "${as_root[@]}" rm -rf "$root.partial"
  mkdir -p "$(dirname "$root")"
  if ! "${as_root[@]}" debootstrap --variant=minbase bullseye "$root.partial" "$mirror" >"$work/debootstrap.log" 2>&1; then
    fail "debootstrap makes a bullseye root" "$(tail -20 "$work/debootstrap.log")"
    finish
  fi
  "${as_root[@]}" rm -rf "$root"
  "${as_root[@]}" mv "$root.partial" "$root"
  "${as_root[@]}" touch "$root/.complete"
fi
root_glibc="$("${as_root[@]}" chroot "$root" /usr/bin/ldd --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')"
host_glibc="$(ldd --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')"
if [[ -n "$root_glibc" && "$(printf '%s\n%s\n' "$root_glibc" "$host_glibc" | sort -V | head -1)" == "$root_glibc" &&
  "$root_glibc" != "$host_glibc" ]]; then
  pass "the root's glibc ($root_glibc) is older than this machine's ($host_glibc)"
else
  fail "the root's glibc is older than this machine's" "root: '$root_glibc', machine: '$host_glibc'"
fi

# Runs a command inside the root the way Lambda runs bootstrap: /proc mounted, in a private mount namespace so
# the mount disappears with the process. exec keeps one process id from here to bootstrap.
in_root="$work/in-root.sh"
cat >"$in_root" <<EOF
#!/bin/sh
exec ${as_root[*]} unshare --mount sh -c 'mount -t proc proc "\$0/proc" && exec chroot "\$0" "\$@"' "$root" "\$@"
EOF
chmod +x "$in_root"

# --- the plain build must not start there --------------------------------------------------------------
"${as_root[@]}" mkdir -p "$root/var/task"
"${as_root[@]}" cp "$plain_bootstrap" "$root/var/task/bootstrap-plain"
plain_output="$("$in_root" /var/task/bootstrap-plain 2>&1)"
plain_status=$?
expect_equal "the plain build fails to start in the old root" "true" "$([[ $plain_status -ne 0 ]] && echo true)"
expect_contains "with the GLIBC version error" "version \`GLIBC_2.3" "$plain_output"
"${as_root[@]}" rm -f "$root/var/task/bootstrap-plain"

# --- the packaged bootstrap ----------------------------------------------------------------------------
if package_output="$("$repo_root/infra/package.sh" --output "$work/lambda.zip" 2>&1)"; then
  pass "infra/package.sh writes a zip (default build: Zig, glibc 2.26)"
else
  fail "infra/package.sh writes a zip (default build: Zig, glibc 2.26)" "$package_output"
  finish
fi
unzip -q -o "$work/lambda.zip" bootstrap -d "$work"
"${as_root[@]}" cp "$work/bootstrap" "$root/var/task/bootstrap"

table_prefix="it-oldglibc-$$-$RANDOM-"
create_test_tables "$table_prefix"

port="$(free_port)"
CARBONTRACK_TABLE_PREFIX="$table_prefix" DYNAMODB_ENDPOINT="$moto_endpoint" AUTH_MODE=none \
  "$cli" serve --port "$port" --timeout 30 -- "$in_root" /var/task/bootstrap >"$work/serve.log" 2>&1 &
serve_pid=$!
at_exit "kill $serve_pid"
invoke_url="http://127.0.0.1:$port/2015-03-31/functions/function/invocations"
ping_response=""
for _ in $(seq 1 100); do
  ping_response="$(curl -fsS -d '{"action":"ping"}' "$invoke_url" 2>/dev/null)" && break
  ping_response=""
  sleep 0.2
done
expect_contains "the packaged bootstrap answers a ping from inside the old root" '"status":"ok"' "$ping_response"

# The function process is the bootstrap whose root directory is the old root.
function_pid=""
for pid in $(pgrep -x bootstrap); do
  if [[ "$("${as_root[@]}" readlink "/proc/$pid/root" 2>/dev/null)" == "$root" ]]; then
    function_pid="$pid"
  fi
done
expect_equal "the function process runs chrooted in the old root" "true" "$([[ -n "$function_pid" ]] && echo true)"

response="$(curl -sS --max-time 60 --data-binary "@$repo_root/events/self-test.json" "$invoke_url" 2>&1)"
expect_equal "the self-test passes all 10 steps inside the old root, against moto over loopback" \
  "PASS 10/10 failed=[]" "$(self_test_verdict "$response")"

if [[ -n "$function_pid" ]]; then
  "${as_root[@]}" kill -TERM "$function_pid"
  for _ in $(seq 1 50); do
    grep -q "Function process ended" "$work/serve.log" && break
    sleep 0.1
  done
  expect_contains "on SIGTERM it shuts down cleanly" "SIGTERM received: shutting down." "$(cat "$work/serve.log")"
  expect_contains "and exits with status 0" "Function process ended (exit status 0)" "$(cat "$work/serve.log")"
fi
"${as_root[@]}" rm -f "$root/var/task/bootstrap"

finish
