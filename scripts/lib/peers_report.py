"""Markdown tables for scripts/bench-peers.sh from its result lines (one JSON object per measurement).

Usage: peers_report.py RESULTS.jsonl WHEN INVOCATIONS COLD_RUNS SELFTEST_INVOCATIONS ROUTE_REQUESTS
Every cell lists the rounds in order ("r1 / r2 / r3"); ratios are taken within a round, never across rounds.
"""

import json
import os
import statistics
import sys

path, when, invocations, cold_runs, selftest_invocations, route_requests = sys.argv[1:7]
rows = [json.loads(line) for line in open(path)]
rounds = sorted({row["round"] for row in rows})
NAMES = {
    "swift": "our `bootstrap` (shipped build)",
    "official": "swift-aws-lambda-runtime 2.x, bytes echo",
    "official_codable": "swift-aws-lambda-runtime 2.x, Codable echo",
    "python": "awslambdaric",
    "bare": "bare C loop (floor)",
    "selftest_swift": "our `bootstrap`",
    "selftest_boto3": "awslambdaric + boto3 peer",
}


def pick(table, who, round_):
    for row in rows:
        if row["table"] == table and row["who"] == who and row["round"] == round_:
            return row
    return None


def series(table, who, value):
    """One figure per round (None where that round has none)."""
    out = []
    for round_ in rounds:
        row = pick(table, who, round_)
        out.append(value(row) if row else None)
    return out


def cell(values, digits=1):
    return " / ".join("—" if v is None else f"{v:,.{digits}f}" for v in values)


def ratio(a, b):
    return [x / y if x is not None and y else None for x, y in zip(a, b)]


def met(values, test):
    known = [v for v in values if v is not None]
    if not known:
        return "not measured"
    passed = sum(test(v) for v in known)
    return "yes" if passed == len(known) else ("no" if passed == 0 else f"{passed} of {len(known)} rounds")


mb = 1 / 1024
print(f"Rounds: {len(rounds)}, {when}; echo: {invocations} warm invokes, cold start median of {cold_runs}; "
      f"self-test: {selftest_invocations} invokes; routes: {route_requests} requests each. "
      f"Cells: rounds {' / '.join(map(str, rounds))}. DynamoDB connections: "
      + ("kept alive (keepalive_proxy.py in front of moto)." if os.environ.get("KEEPALIVE") == "1"
         else "one per call (moto closes each after its response)."))
print()

echo = ["swift", "official", "official_codable", "python", "bare"]
figures = {
    "cold start, ms": lambda r: r["coldMs"],
    "CPU per warm invoke, µs": lambda r: r["warmCPUMicrosecondsPerInvoke"],
    "warm invokes/s": lambda r: r["warmInvokesPerSecond"],
    "RSS after the invokes, MB": lambda r: r["rssKB"] * mb,
    "peak RSS (VmHWM), MB": lambda r: r["peakRSSKB"] * mb,
}
print("| echo | " + " | ".join(NAMES[w] for w in echo) + " |")
print("|---|" + "---|" * len(echo))
for label, value in figures.items():
    digits = 0 if "invokes/s" in label else (2 if "ms" in label or "MB" in label else 0)
    print(f"| {label} | " + " | ".join(cell(series("echo", w, value), digits) for w in echo) + " |")
print()

selftest = ["selftest_swift", "selftest_boto3"]
calls = lambda r: r["dynamoDBCalls"] / r["invocations"]
st = {
    "CPU per self-test, ms": lambda r: r["warmCPUMicrosecondsPerInvoke"] / 1000,
    "DynamoDB calls per self-test": calls,
    "CPU per DynamoDB call, µs": lambda r: r["warmCPUMicrosecondsPerInvoke"] / calls(r),
    "peak RSS (VmHWM), MB": lambda r: r["peakRSSKB"] * mb,
    "RSS after, MB": lambda r: r["rssKB"] * mb,
}
print("| self-test | " + " | ".join(NAMES[w] for w in selftest) + " |")
print("|---|---|---|")
for label, value in st.items():
    digits = 0 if "µs" in label else 2
    print(f"| {label} | " + " | ".join(cell(series("selftest", w, value), digits) for w in selftest) + " |")
print()

for table in sorted({row["table"] for row in rows if row["table"].startswith("routes-")}):
    routes = sorted({row["route"] for row in rows if row["table"] == table})
    print(f"| route ({table[7:]}) | CPU per request, µs | DynamoDB calls per request | CPU per call, µs | "
          "non-2xx | note |")
    print("|---|---|---|---|---|---|")
    for route in routes:
        picked = [next((r for r in rows if r["table"] == table and r["round"] == n and r["route"] == route), None)
                  for n in rounds]
        cpu = [r["cpuMicrosecondsPerRequest"] if r else None for r in picked]
        per = [r["dynamoDBCallsPerRequest"] if r else None for r in picked]
        per_call = [c / p if c is not None and p else None for c, p in zip(cpu, per)]
        failed = sum(r["failed"] for r in picked if r)
        note = next((r["note"] for r in picked if r and r["note"]), "")
        print(f"| {route} | {cell(cpu, 0)} | {cell(per, 2)} | {cell(per_call, 0)} | {failed} | {note} |")
    print()

swift_cold = series("echo", "swift", figures["cold start, ms"])
bare_cold = series("echo", "bare", figures["cold start, ms"])
swift_cpu = series("echo", "swift", figures["CPU per warm invoke, µs"])
bare_cpu = series("echo", "bare", figures["CPU per warm invoke, µs"])
official = {label: series("echo", "official", value) for label, value in figures.items()}
ours = {label: series("echo", "swift", value) for label, value in figures.items()}
self_cpu = series("selftest", "selftest_swift", st["CPU per self-test, ms"])
boto_cpu = series("selftest", "selftest_boto3", st["CPU per self-test, ms"])
per_call = series("selftest", "selftest_swift", st["CPU per DynamoDB call, µs"])
peak = series("selftest", "selftest_swift", st["peak RSS (VmHWM), MB"])
goals = [
    ("self-test CPU, boto3 peer ÷ ours", ratio(boto_cpu, self_cpu), "≥ 8×", lambda v: v >= 8),
    ("CPU per DynamoDB call in the self-test, µs", per_call, "≤ 150 µs", lambda v: v <= 150),
    ("peak RSS during the self-test, MB", peak, "≤ 15 MB", lambda v: v <= 15),
    ("cold start, ours ÷ C loop", ratio(swift_cold, bare_cold), "≤ 2×", lambda v: v <= 2),
    ("CPU per warm echo invoke, ours ÷ C loop", ratio(swift_cpu, bare_cpu), "≤ 1.5×", lambda v: v <= 1.5),
    ("cold start, ours ÷ official runtime", ratio(ours["cold start, ms"], official["cold start, ms"]), "< 1×",
     lambda v: v < 1),
    ("CPU per warm invoke, ours ÷ official runtime",
     ratio(ours["CPU per warm invoke, µs"], official["CPU per warm invoke, µs"]), "< 1×", lambda v: v < 1),
    ("RSS after the invokes, ours ÷ official runtime",
     ratio(ours["RSS after the invokes, MB"], official["RSS after the invokes, MB"]), "< 1×", lambda v: v < 1),
    ("peak RSS, ours ÷ official runtime",
     ratio(ours["peak RSS (VmHWM), MB"], official["peak RSS (VmHWM), MB"]), "< 1×", lambda v: v < 1),
]
print("| goal (issue 17) | rounds | target | met |")
print("|---|---|---|---|")
for label, values, target, test in goals:
    known = [v for v in values if v is not None]
    median = f" (median {statistics.median(known):.2f})" if known else ""
    print(f"| {label} | {cell(values, 2)}{median} | {target} | {met(values, test)} |")
