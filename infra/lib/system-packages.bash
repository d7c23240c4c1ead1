# shellcheck shell=bash
# Installs Debian/Ubuntu packages for the scripts that need them; sourced, never run on its own.

# Runs a command as root: directly when we are root, else through sudo.
run_as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: '$*' needs root, and sudo is not installed; run it as root" >&2
    return 1
  fi
}

# Installs the given packages with apt-get.
apt_install() {
  echo "==> apt-get install $*" >&2
  run_as_root apt-get update -qq >/dev/null &&
    run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Installs packages for the commands that are missing: ensure_commands command=package...
ensure_commands() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
  done
  if ((${#missing[@]})); then
    apt_install "${missing[@]}"
  fi
}
