# Messages and checks shared by the infra/*.sh scripts; sourced, never run on its own.
# shellcheck shell=bash

# Prints an error and stops with status 1.
die() {
  echo "error: $*" >&2
  exit 1
}

# Prints a usage error and stops with status 2.
usage_error() {
  echo "error: $*" >&2
  echo "Run with --help for the list of options." >&2
  exit 2
}

warn() {
  echo "warning: $*" >&2
}

# Uses the AWS CLI on PATH, else the pinned one of the project's Python environment (.venv, created on demand).
require_aws_cli() {
  command -v aws >/dev/null 2>&1 && return 0
  # shellcheck source-path=SCRIPTDIR source=python-env.bash
  source "$(dirname "${BASH_SOURCE[0]}")/python-env.bash"
  if ! ensure_python_env || ! command -v aws >/dev/null 2>&1; then
    die "the AWS CLI ('aws') is not on PATH and could not be installed into .venv (infra/requirements.txt)"
  fi
}

# Sets the array aws_args to the options shared by a script's AWS CLI calls: $1 region, $2 endpoint
# URL (may be empty for the AWS default), text output.
set_aws_args() {
  # shellcheck disable=SC2034 # read by the scripts that source this file
  aws_args=(--region "$1" --output text)
  if [[ -n "$2" ]]; then
    aws_args+=(--endpoint-url "$2")
  fi
}
