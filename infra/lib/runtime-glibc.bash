# shellcheck shell=bash
# Which glibc each Lambda OS-only runtime has, and the check that a bootstrap can start on it; sourced by
# infra/package.sh and infra/deploy.sh.

# shellcheck source-path=SCRIPTDIR source=python-env.bash
source "$(dirname "${BASH_SOURCE[0]}")/python-env.bash"

# Prints the glibc version of a runtime: provided.al2 2.26, provided.al2023 2.34, "both" the older of the two.
glibc_of_runtime() {
  case "$1" in
    provided.al2 | both) echo "2.26" ;;
    provided.al2023) echo "2.34" ;;
    *) return 1 ;;
  esac
}

# check_binary_for_runtime BINARY RUNTIME: prints the libraries the binary needs and the highest GLIBC version it
# imports; fails, naming each offending symbol, when it imports anything that runtime's glibc does not export
# or needs libstdc++.so / libgcc_s.so (infra/lib/check-glibc-imports.py).
check_binary_for_runtime() {
  local glibc
  glibc="$(glibc_of_runtime "$2")" || return 2
  "$python_env_dir/bin/python" "$(dirname "${BASH_SOURCE[0]}")/check-glibc-imports.py" "$1" --glibc "$glibc"
}
