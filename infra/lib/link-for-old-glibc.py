#!/usr/bin/env python3
"""Links a SwiftPM executable product again, from the objects of the last `swift build`, against an old glibc.

SwiftPM records each link command in its build manifest (<scratch>/<configuration>.yaml). This reruns that
command with a different output and with SWIFT_DRIVER_CLANG_EXEC pointing at infra/lib/zig-clang, so the Swift
driver links through `zig cc -target <arch>-linux-gnu.<glibc>`. No compile flag changes, so nothing is
recompiled and the build's own binary is left as it is.

Run it with the Python of .venv, where the ziglang package provides zig:
  .venv/bin/python infra/lib/link-for-old-glibc.py --product bootstrap --glibc 2.26 --output dist/bootstrap
"""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def link_arguments(manifest_path, product, configuration):
    """The argument list of the product's link command in an llbuild manifest written by SwiftPM."""
    command_line = re.compile(r'^  "C\.' + re.escape(product) + r"-[^\"]+-" + re.escape(configuration) + r'\.exe":$')
    with open(manifest_path, encoding="utf-8") as manifest:
        in_command = False
        for line in manifest:
            if command_line.match(line.rstrip("\n")):
                in_command = True
            elif in_command and line.startswith("    args: "):
                return json.loads(line[len("    args: ") :])
            elif in_command and not line.startswith("    "):
                break
    sys.exit(f"link-for-old-glibc: no link command for product '{product}' in {manifest_path}; build it first")


def with_output(arguments, output):
    if "-o" not in arguments:
        sys.exit("link-for-old-glibc: the link command has no -o")
    index = arguments.index("-o")
    return arguments[: index + 1] + [output] + arguments[index + 2 :]


def gcc_archive(clang, name):
    """A static library of the GCC installation the toolchain's clang links with, e.g. libstdc++.a."""
    found = subprocess.run([clang, f"-print-file-name={name}"], capture_output=True, text=True).stdout.strip()
    if not os.path.isabs(found) or not os.path.isfile(found):
        sys.exit(
            f"link-for-old-glibc: GCC's {name} was not found "
            "(Debian/Ubuntu: apt-get install libstdc++-12-dev, or the -dev package of your GCC)"
        )
    return found


def hot_text_script(hot_functions, directory):
    """Writes a linker script that puts the functions named in hot_functions (one symbol a line, # comments) in
    one output section, .text.hot, before .text, and returns its path.

    Swift and C objects are compiled with one section per function (infra/lib/release-build.bash), named
    .text.<symbol>. Left to the linker, the ~5,700 functions a function process runs lie across 164 of the 236
    64 KiB windows of .text, and the kernel maps at least a whole window (fault-around) on each first touch:
    ~10 MB of resident text. Packed, they take 1.2 MB. Names no object has (the list is older than the code)
    match nothing, and those functions stay in .text. One input section description holds every name: one
    description per name made LLD take a minute instead of seconds.
    """
    with open(hot_functions, encoding="utf-8") as listing:
        names = [line.strip() for line in listing if line.strip() and not line.startswith("#")]
    unsafe = [name for name in names if not re.fullmatch(r"[A-Za-z0-9_$.]+", name)]
    if unsafe:
        sys.exit(f"link-for-old-glibc: {hot_functions} names symbols a linker script cannot match: {unsafe[:3]}")
    script = os.path.join(directory, "hot-text.ld")
    with open(script, "w", encoding="utf-8") as output:
        output.write("SECTIONS {\n  .text.hot : {\n    *(\n")
        output.writelines(f"      .text.{name}\n" for name in names)
        output.write("    )\n  }\n}\nINSERT BEFORE .text;\n")
    return script


def zig_executable():
    try:
        import ziglang  # noqa: PLC0415 (only this path needs it)
    except ImportError:
        sys.exit("link-for-old-glibc: the ziglang package is missing; run with .venv/bin/python (infra/requirements.txt)")
    return os.path.join(os.path.dirname(ziglang.__file__), "zig")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--product", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--glibc", default="2.26", help="glibc version whose stubs to link against")
    parser.add_argument("--scratch-path", default=".build")
    parser.add_argument("--configuration", default="release")
    parser.add_argument("--hot-functions", default=os.path.join(HERE, "hot-functions.txt"),
                        help="functions to lay out together at the start of the text (empty: the linker's order)")
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()

    scratch = os.path.abspath(options.scratch_path)
    arguments = link_arguments(os.path.join(scratch, options.configuration + ".yaml"), options.product,
                               options.configuration)
    arguments = with_output(arguments, os.path.abspath(options.output))
    if options.hot_functions:
        arguments += ["-Xlinker", "-T", "-Xlinker", hot_text_script(options.hot_functions, scratch)]
    if options.verbose:
        arguments.append("-v")
    clang = os.path.join(os.path.dirname(arguments[0]), "clang")
    zig_cache = os.path.join(scratch, "zig-cache")
    environment = dict(
        os.environ,
        SWIFT_DRIVER_CLANG_EXEC=os.path.join(HERE, "zig-clang"),
        ZIG_CLANG_ZIG=zig_executable(),
        ZIG_CLANG_GLIBC=options.glibc,
        ZIG_CLANG_LIBSTDCXX=gcc_archive(clang, "libstdc++.a"),
        ZIG_CLANG_LIBGCC=gcc_archive(clang, "libgcc.a"),
        ZIG_GLOBAL_CACHE_DIR=zig_cache,
        ZIG_LOCAL_CACHE_DIR=zig_cache,
    )
    sys.exit(subprocess.call(arguments, env=environment, cwd=os.path.dirname(scratch)))


if __name__ == "__main__":
    main()
