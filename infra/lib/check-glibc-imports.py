#!/usr/bin/env python3
"""Checks that an ELF executable can start on a given glibc: exactly, symbol by symbol.

Every versioned import must exist, in the library the binary asks for, in that glibc's ABI as Zig records it
(lib/libc/glibc/abilists of the ziglang package: the symbol lists of every glibc release, for every target).
Only glibc's own libraries may be needed: a binary that links libstdc++.so or libgcc_s.so depends on the C++
runtime of the machine that built it, which Lambda's OS-only runtimes do not promise.

Prints a summary (libraries needed, highest GLIBC version, the verdict) and exits 1 when the binary would not
start there, naming each missing symbol. Run it with the Python of .venv (infra/requirements.txt).
"""

import argparse
import os
import re
import subprocess
import sys

# ELF machine (readelf -h) -> the target name in Zig's abilists.
ABILIST_TARGETS = {"Advanced Micro Devices X86-64": "x86_64-linux-gnu", "AArch64": "aarch64-linux-gnu"}
# glibc's shared libraries, by soname, -> their name in the abilists.
GLIBC_LIBRARIES = {
    "libc.so.6": "c",
    "libm.so.6": "m",
    "libpthread.so.0": "pthread",
    "libdl.so.2": "dl",
    "librt.so.1": "rt",
    "libutil.so.1": "util",
    "libresolv.so.2": "resolv",
    "ld-linux-x86-64.so.2": "ld",
    "ld-linux-aarch64.so.1": "ld",
}


class Abilists:
    """Zig's abilists file; its format is documented in ziglang/libc-abi-tools (README, 'abilists binary format')."""

    def __init__(self, data):
        self.data, self.position = data, 0
        self.libraries = [self.text() for _ in range(self.byte())]
        self.versions = [(self.byte(), self.byte(), self.byte()) for _ in range(self.byte())]
        self.targets = [self.text() for _ in range(self.byte())]
        self.functions = self.inclusions(sized=False)
        self.objects = self.inclusions(sized=True)

    def byte(self):
        self.position += 1
        return self.data[self.position - 1]

    def text(self):
        end = self.data.index(0, self.position)
        value = self.data[self.position : end].decode("ascii")
        self.position = end + 1
        return value

    def uleb128(self):
        value = shift = 0
        while True:
            byte = self.byte()
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    def inclusions(self, sized):
        """{symbol: [(target bit set, library index, [version indexes])]}."""
        count = self.byte() | self.byte() << 8
        found, symbol = {}, None
        for _ in range(count):
            if symbol is None:
                symbol = self.text()
            targets = self.uleb128()
            if sized:
                self.uleb128()
            library = self.byte()
            versions = []
            while True:
                byte = self.byte()
                versions.append(byte & 0x7F)
                if byte & 0x80:
                    break
            found.setdefault(symbol, []).append((targets, library & 0x7F, versions))
            if library & 0x80:
                symbol = None
        return found

    def has(self, target, library, symbol, version):
        """Whether glibc `version` (a tuple) exports symbol@version from the library on the target."""
        target_bit = 1 << self.targets.index(target)
        library_index = self.libraries.index(library)
        for inclusion in self.functions.get(symbol, []) + self.objects.get(symbol, []):
            targets, in_library, versions = inclusion
            if targets & target_bit and in_library == library_index:
                if any(self.versions[index] == version for index in versions):
                    return True
        return False


def readelf(*options, binary):
    return subprocess.run(["readelf", "-W", *options, binary], capture_output=True, text=True, check=True).stdout


def version_tuple(text):
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def needed_versions(binary):
    """{version index: (library soname, version name)} from the binary's .gnu.version_r."""
    needed, library = {}, None
    for line in readelf("-V", binary=binary).splitlines():
        if match := re.search(r"File: (\S+)", line):
            library = match.group(1)
        elif match := re.search(r"Name: (\S+)\s+Flags: \S+\s+Version: (\d+)", line):
            needed[int(match.group(2))] = (library, match.group(1))
    return needed


def imports(binary):
    """[(symbol, library soname, version name)] for every versioned undefined dynamic symbol."""
    versions = needed_versions(binary)
    found = []
    for line in readelf("--dyn-syms", binary=binary).splitlines():
        fields = line.split()
        if len(fields) < 8 or fields[6] != "UND":
            continue
        if match := re.fullmatch(r"([^@]+)@(\S+)", fields[7]):
            index = int(fields[8].strip("()")) if len(fields) > 8 else None
            library = versions.get(index, (None, None))[0]
            found.append((match.group(1), library, match.group(2)))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--glibc", required=True, help="the oldest glibc the binary must start on, e.g. 2.26")
    parser.add_argument("--abilists", help="Zig's abilists file (default: the one of the ziglang package)")
    options = parser.parse_args()

    abilists_path = options.abilists
    if not abilists_path:
        try:
            import ziglang  # noqa: PLC0415
        except ImportError:
            sys.exit("check-glibc-imports: the ziglang package is missing; run with .venv/bin/python")
        abilists_path = os.path.join(os.path.dirname(ziglang.__file__), "lib", "libc", "glibc", "abilists")
    with open(abilists_path, "rb") as file:
        abi = Abilists(file.read())
    limit = version_tuple(options.glibc)
    if limit not in abi.versions:
        sys.exit(f"check-glibc-imports: Zig's abilists know no glibc {options.glibc}")

    machine = re.search(r"Machine:\s+(.+)", readelf("-h", binary=options.binary)).group(1).strip()
    target = ABILIST_TARGETS.get(machine)
    if target is None:
        sys.exit(f"check-glibc-imports: no glibc ABI list for machine '{machine}'")
    dynamic = readelf("-d", binary=options.binary)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)

    problems = [f"needs {library}, which is not part of glibc" for library in needed if library not in GLIBC_LIBRARIES]
    glibc_imports = imports(options.binary)
    highest = (0, 0, 0)
    for symbol, library, version in glibc_imports:
        if library not in GLIBC_LIBRARIES:
            continue  # already reported as a needed library that is not glibc's
        if not re.fullmatch(r"GLIBC_\d+(\.\d+)+", version):
            problems.append(f"imports {symbol}@{version} from {library}, a version no glibc release exports")
            continue
        wanted = version_tuple(version[len("GLIBC_") :])
        highest = max(highest, wanted)
        if wanted > limit or not abi.has(target, GLIBC_LIBRARIES[library], symbol, wanted):
            problems.append(f"imports {symbol}@{version} from {library}, which glibc {options.glibc} does not have")

    print(f"shared libraries needed: {' '.join(needed) or 'none'}")
    cxx = [library for library in needed if library.startswith(("libstdc++", "libgcc_s"))]
    print(f"libstdc++.so / libgcc_s.so: {'needed (' + ' '.join(cxx) + ')' if cxx else 'not needed'}")
    highest_text = ".".join(str(part) for part in highest[: 3 if highest[2] else 2])
    print(f"highest GLIBC symbol version needed: {highest_text if glibc_imports else 'none'}")
    if problems:
        print(f"error: the binary cannot start on glibc {options.glibc} ({target}):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)
    print(f"glibc {options.glibc} ABI ({target}): all {len(glibc_imports)} versioned imports exist")


if __name__ == "__main__":
    main()
