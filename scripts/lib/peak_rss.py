"""Runs `carbontrack serve --benchmark ...` (the arguments) and prints its JSON line of figures with the function
process's peak resident memory (VmHWM) added as peakRSSKB.

serve reports the function's RSS after the last invoke, not its peak, and kills the function before it exits,
so this polls the peak of serve's children every 10 ms while serve runs and keeps each child's last sample;
VmHWM only grows, so that is within 10 ms of the end. It starts serve itself, so that no short run can end
before the polling starts.
"""

import json
import os
import subprocess
import sys
import time


def children(pid):
    # Each thread lists the children it forked, and serve starts the function from any of its threads.
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as file:
                found += file.read().split()
        except OSError:
            pass
    return found


def high_water_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def command_name(pid):
    try:
        with open(f"/proc/{pid}/comm") as file:
            return file.read()
    except OSError:
        return None


serve = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
serve_name = command_name(serve.pid)
# The last sample of each child, not the largest: a child's first samples can come from before its exec, when it
# is still a copy of serve (or shares serve's memory, after vfork), while VmHWM of the exec'd function only grows.
last = {}
while serve.poll() is None:
    for child in children(serve.pid):
        if command_name(child) != serve_name:
            last[child] = high_water_kb(child) or last.get(child, 0)
    time.sleep(0.01)
peak = max(last.values(), default=0)
lines = serve.stdout.read().decode().strip().splitlines()
if serve.returncode != 0 or not lines:
    sys.exit(f"serve failed ({serve.returncode}): {lines}")
figures = json.loads(lines[-1])
figures["peakRSSKB"] = peak
print(json.dumps(figures))
