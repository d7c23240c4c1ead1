# shellcheck shell=bash
# The project's Python tools (infra/requirements.txt) in one virtual environment, .venv at the repository root;
# sourced, never run on its own. Stock Debian 12 and Ubuntu 24.04 refuse `pip install` into the system
# interpreter (PEP 668, externally-managed-environment), so nothing is installed there.

# shellcheck source-path=SCRIPTDIR source=system-packages.bash
source "$(dirname "${BASH_SOURCE[0]}")/system-packages.bash"

python_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python_env_dir="${CARBONTRACK_VENV:-$python_env_root/.venv}"

# Creates or updates .venv so that it holds exactly the pinned requirements, then puts its bin/ first on PATH.
# Cheap when nothing changed: a stamp records the hash of the requirements file last installed.
ensure_python_env() {
  local requirements="$python_env_root/infra/requirements.txt"
  local stamp="$python_env_dir/.requirements.sha256" wanted
  wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
  if [[ ! -x "$python_env_dir/bin/python" || "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
    command -v python3 >/dev/null 2>&1 || apt_install python3 || return 1
    if [[ ! -x "$python_env_dir/bin/python" ]]; then
      echo "==> creating the Python environment $python_env_dir" >&2
      # Debian's python3 needs python3-venv (ensurepip) to make one; a failed attempt leaves a partial folder.
      if ! python3 -m venv "$python_env_dir" >/dev/null 2>&1; then
        rm -rf "$python_env_dir"
        apt_install python3-venv || return 1
        python3 -m venv "$python_env_dir" || return 1
      fi
    fi
    echo "==> pip install -r infra/requirements.txt (into $python_env_dir)" >&2
    "$python_env_dir/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" || return 1
    echo "$wanted" >"$stamp"
  fi
  PATH="$python_env_dir/bin:$PATH"
  export PATH
}
