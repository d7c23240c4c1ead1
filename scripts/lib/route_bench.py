"""CPU and DynamoDB calls per API request, route by route, for scripts/bench-peers.sh.

Usage: route_bench.py INVOKE_URL FUNCTION_PID MOTO_URL EVENTS_DIR [REQUESTS]

The function runs behind `carbontrack serve` (INVOKE_URL is its Invoke API); FUNCTION_PID is the function
process, whose user + system CPU time is read from /proc around each route's batch. MOTO_URL is an
atomic_moto_server.py, whose /_counts gives the DynamoDB requests the batch made. Each route's events come from
its template in EVENTS_DIR (payload 2.0 or 1.0) with the user, path parameters and body of one request, so that
every request in a batch takes the route's success path on fresh data: N new users for create-user, N
entries for delete-entry, and so on. What a batch needs is created first, through the same function, outside
the measurement. Prints one JSON line per route.

ROUTES="get-user create-user" measures those routes only; ROUTES="self-test" (named only, never by default) adds
the 10-step self-test, events/self-test.json, as a route whose success is its overall PASS. With CALLGRIND_OUT=DIR
the function runs under `valgrind --tool=callgrind --callgrind-out-file=DIR/callgrind.out.%p`
(scripts/bench-route-instructions.sh): its counters are zeroed before each batch and dumped after it, and each
line adds the instructions per request, which are the same from run to run where the CPU time is not.
"""

import glob
import subprocess

import copy
import json
import os
import sys
import urllib.parse
import urllib.request
import uuid

invoke_url, pid, moto_url, events_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
requests = int(sys.argv[5]) if len(sys.argv) > 5 else 100
# The store allows this many goals per user; goal batches spread over enough users to stay under it.
GOALS_PER_USER = 40
TICKS = os.sysconf("SC_CLK_TCK")
only = os.environ.get("ROUTES", "").split()
SELF_TEST = "self-test"
callgrind_out = os.environ.get("CALLGRIND_OUT")


def cpu_seconds():
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def callgrind(option):
    """Zeroes (-z) or dumps (-d) the function's callgrind counters; a dump answers its instructions since the zero."""
    subprocess.run(["callgrind_control", option, str(pid)], check=True, capture_output=True)
    if option != "-d":
        return None
    newest = max(glob.glob(os.path.join(callgrind_out, f"callgrind.out.{pid}.*")), key=os.path.getmtime)
    with open(newest) as dump:
        for line in dump:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise SystemExit(f"no totals in {newest}")


def dynamodb_calls():
    with urllib.request.urlopen(moto_url + "/_counts") as response:
        return sum(json.load(response).values())


def template(route):
    with open(os.path.join(events_dir, route + ".json")) as file:
        return json.load(file)


def event(route, user, params=None, body=None):
    """The route's template for `user`, with its other path parameters and (when given) body replaced."""
    result = copy.deepcopy(template(route))
    params = dict(result.get("pathParameters") or {}, userId=user, **(params or {}))
    resource = result.get("routeKey", "").split(" ", 1)[-1] if "routeKey" in result else result["resource"]
    for name, value in params.items():
        resource = resource.replace("{" + name + "}", urllib.parse.quote(value, safe=""))
    path = resource
    result["pathParameters"] = params
    if "rawPath" in result:
        result["rawPath"] = path
        result["requestContext"]["http"]["path"] = path
        result["requestContext"]["authorizer"]["jwt"]["claims"]["sub"] = user
    else:
        result["path"] = path
        result["requestContext"]["path"] = path
        result["requestContext"]["authorizer"]["claims"]["sub"] = user
    if body is not None:
        result["body"] = json.dumps(body)
    return result


def invoke(payload):
    request = urllib.request.Request(invoke_url, data=json.dumps(payload).encode(), method="POST")
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    if payload.get("action") == "selfTest":
        return (200 if answer.get("overall_status") == "PASS" else 500), answer
    status = answer.get("statusCode", 0)
    return status, json.loads(answer["body"]) if answer.get("body") else None


def must(payload):
    status, body = invoke(payload)
    if not 200 <= status < 300:
        raise SystemExit(f"setup request failed ({status}): {body}")
    return body


def new_user():
    user = "bench-" + uuid.uuid4().hex[:12]
    must(event("create-user", user))
    return user


def add_entry(user):
    return must(event("create-entry", user))["timestamp"]


def add_goal(user):
    return must(event("create-goal", user))["goalId"]


def history(entries=5, goals=2):
    """A user with a few entries, goals and an achievement: what read routes read."""
    user = new_user()
    timestamps = [add_entry(user) for _ in range(entries)]
    goal_ids = [add_goal(user) for _ in range(goals)]
    must(event("evaluate-achievements", user))
    return user, timestamps, goal_ids


def goal_users(count):
    return [new_user() for _ in range((count + GOALS_PER_USER - 1) // GOALS_PER_USER)]


def batch(route, n):
    """The route's n events, with what they need already stored; a note when the batch is not n alike requests."""
    if route == SELF_TEST:
        with open(os.path.join(os.path.dirname(os.path.abspath(events_dir)), "self-test.json")) as file:
            return [json.load(file)] * n, ""
    if route == "create-user":
        return [event(route, "bench-" + uuid.uuid4().hex[:12]) for _ in range(n)], ""
    if route == "delete-user":
        return [event(route, new_user()) for _ in range(n)], ""
    if route == "update-user":
        user = new_user()
        body = json.loads(template(route)["body"])
        # Each request names the version the one before it left, so each takes the conditional update path.
        return [event(route, user, body=dict(body, expectedVersion=1 + i)) for i in range(n)], ""
    if route == "delete-entry":
        user = new_user()
        return [event(route, user, {"timestamp": add_entry(user)}) for _ in range(n)], ""
    if route == "create-goal":
        users = goal_users(n)
        return [event(route, users[i // GOALS_PER_USER]) for i in range(n)], ""
    if route == "delete-goal":
        users = goal_users(n)
        owners = [users[i // GOALS_PER_USER] for i in range(n)]
        return [event(route, user, {"goalId": add_goal(user)}) for user in owners], ""
    user, timestamps, goal_ids = history()
    if route in ("get-entry", "update-entry"):
        return [event(route, user, {"timestamp": timestamps[0]}) for _ in range(n)], ""
    if route in ("get-goal", "update-goal"):
        return [event(route, user, {"goalId": goal_ids[0]}) for _ in range(n)], ""
    if route == "create-entry":
        return [event(route, user) for _ in range(n)], "the user's history grows by one entry a request"
    return [event(route, user) for _ in range(n)], ""


routes = sorted(name[:-5] for name in os.listdir(events_dir) if name.endswith(".json"))
routes += [SELF_TEST] if SELF_TEST in only else []
for route in (route for route in routes if not only or route in only):
    events, note = batch(route, requests)
    if callgrind_out:
        callgrind("-z")
    calls_before, cpu_before = dynamodb_calls(), cpu_seconds()
    statuses = [invoke(payload)[0] for payload in events]
    cpu_after, calls_after = cpu_seconds(), dynamodb_calls()
    instructions = callgrind("-d") if callgrind_out else None
    failed = sum(not 200 <= status < 300 for status in statuses)
    figures = {
        "route": route, "requests": len(events), "failed": failed, "statuses": sorted(set(statuses)),
        "cpuMicrosecondsPerRequest": round((cpu_after - cpu_before) * 1e6 / len(events), 1),
        "dynamoDBCallsPerRequest": round((calls_after - calls_before) / len(events), 2), "note": note,
    }
    if instructions is not None:
        figures["instructionsPerRequest"] = instructions // len(events)
    print(json.dumps(figures), flush=True)
