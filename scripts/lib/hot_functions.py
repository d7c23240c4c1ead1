"""Writes infra/lib/hot-functions.txt from callgrind dumps of function processes.

Usage: hot_functions.py DUMP...

Every function that ran in any of the dumps, as the linker names it (valgrind --demangle=no), once and sorted by
name, so that a new profile of similar code changes few lines. Names a linker script cannot match (versioned glibc
symbols, bare addresses of code without a symbol) are left out: they are not in the binary's own objects.
"""

import re
import sys

LINKABLE = re.compile(r"[A-Za-z_$.][A-Za-z0-9_$.]*")


def executed(path):
    """The functions with a cost of their own in one callgrind dump."""
    names, costly = {}, set()
    current, after_call = None, False
    with open(path, encoding="utf-8", errors="replace") as dump:
        for line in dump:
            if line.startswith(("fn=", "cfn=")):
                match = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
                if match.group(2):
                    names[match.group(1)] = match.group(2)
                if line.startswith("fn="):
                    current, after_call = names.get(match.group(1)), False
            elif line.startswith("calls="):
                after_call = True  # the next cost line is the callee's, not this function's
            elif line[:1].isdigit() or line[:1] in "+-*":
                if after_call:
                    after_call = False
                elif current and line.split()[-1] != "0":
                    costly.add(re.sub(r"'\d+$", "", current))  # callgrind marks recursion cycles with 'N
    return {name for name in costly if LINKABLE.fullmatch(name) and not name.startswith("0x")}


def main():
    print("# Functions bootstrap runs: scripts/profile-hot-functions.sh writes this file, and")
    print("# infra/lib/link-for-old-glibc.py lays them out together at the start of the text.")
    for name in sorted(set().union(*(executed(path) for path in sys.argv[1:]))):
        print(name)


if __name__ == "__main__":
    main()
