#!/usr/bin/env bash
# Checks the layout of the shipped bootstrap's text (infra/lib/link-for-old-glibc.py): the functions named in
# infra/lib/hot-functions.txt sit together in .text.hot, at the start of the text, so that a function process
# touches ~1.2 MB of text instead of pages all over 14 MB. Fails when:
# - the binary has no .text.hot, or under 80 % of the listed functions it has lie inside (the link ignored the
#   list; the rest come from the toolchain's prebuilt archives, Foundation, Dispatch and parts of the standard
#   library, whose objects have one .text each, which the linker cannot split);
# - under 90 % of the listed names are in the binary: the code changed and the list fell behind, so new code
#   runs outside .text.hot. Rerun scripts/profile-hot-functions.sh and commit the list.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool readelf
require_tool nm
require_variable BOOTSTRAP_RELEASE_PATH "scripts/test.sh links the shipped bootstrap and exports its path"
bootstrap="$BOOTSTRAP_RELEASE_PATH"

results="$(python3 - "$bootstrap" "$repo_root/infra/lib/hot-functions.txt" <<'PY'
import subprocess, sys

binary, listing = sys.argv[1], sys.argv[2]
sections = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
hot = None
for line in sections.splitlines():
    fields = line.replace("[ ", "[").split()
    if len(fields) > 5 and fields[1] == ".text.hot":
        hot = (int(fields[3], 16), int(fields[3], 16) + int(fields[5], 16))
print(f"{'ok' if hot and hot[1] > hot[0] else 'FAIL'}\tthe shipped bootstrap has a non-empty .text.hot\t{hot}")
if not hot:
    raise SystemExit(0)
addresses = {}
for line in subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout.splitlines():
    fields = line.split()
    if len(fields) == 3 and fields[1] in "tTwW":
        addresses[fields[2]] = int(fields[0], 16)
names = [line.strip() for line in open(listing) if line.strip() and not line.startswith("#")]
present = [name for name in names if name in addresses]
outside = [name for name in present if not hot[0] <= addresses[name] < hot[1]]
inside = 1 - len(outside) / max(len(present), 1)
print(f"{'ok' if inside >= 0.8 else 'FAIL'}\tat least 80 % of the listed functions the binary has lie in .text.hot\t"
      f"{inside:.1%} of {len(present)}; outside, e.g. {outside[:3]}")
share = len(present) / max(len(names), 1)
print(f"{'ok' if share >= 0.9 else 'FAIL'}\tat least 90 % of infra/lib/hot-functions.txt is in the binary\t"
      f"{share:.1%} ({len(present)} of {len(names)}): rerun scripts/profile-hot-functions.sh")
PY
)"
record_results "$results"
finish
