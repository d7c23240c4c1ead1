#!/usr/bin/env bash
# `carbontrack serve`'s Invoke API as real AWS clients use it: boto3's Lambda client against the runtime's test
# function. A plain invoke answers 200 with X-Amz-Executed-Version; a function error comes back as
# FunctionError: Unhandled; LogType=Tail returns the invocation's log lines; InvocationType=Event answers 202 before the function has run, and the event still runs;
# DryRun answers 204 and runs nothing.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

require_tool python3
if ! python3 -c 'import boto3' 2>/dev/null; then
  require_tool boto3-in-python3
fi

bin="$(cd "$repo_root" && swift build --show-bin-path)"
scratch="$(mktemp -d)"
infra_cleanup_actions+=("rm -rf '$scratch'")
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bin/carbontrack" serve --port "$port" --timeout 10 -- "$bin/RuntimeTestFunction" >"$scratch/serve.log" 2>&1 &
serve_pid=$!
infra_cleanup_actions+=("kill $serve_pid")
for _ in $(seq 1 100); do
  grep -q 'started' "$scratch/serve.log" 2>/dev/null && break
  sleep 0.1
done

results="$(python3 - "$port" "$scratch/serve.log" <<'PY'
import base64, json, sys, time
import boto3
from botocore.config import Config

port, log = sys.argv[1], sys.argv[2]
client = boto3.client("lambda", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing",
                      config=Config(retries={"max_attempts": 1}, read_timeout=30))

def check(description, condition, details=""):
    print(f"{'ok' if condition else 'FAIL'}\t{description}\t{str(details).replace(chr(10), ' | ')}")

def reports():
    return open(log).read().count("REPORT RequestId")

plain = client.invoke(FunctionName="function", Payload=json.dumps({"action": "sleep", "milliseconds": 1}))
check("a plain invoke answers 200 with the function's payload",
      plain["StatusCode"] == 200 and plain["Payload"].read() == b"1" and "FunctionError" not in plain, plain)
check("a plain invoke names the executed version ($LATEST)", plain.get("ExecutedVersion") == "$LATEST", plain)

failed = client.invoke(FunctionName="function", Payload=json.dumps({"action": "fail", "message": "no"}))
body = json.loads(failed["Payload"].read())
check("a function error comes back as FunctionError: Unhandled with the error JSON",
      failed.get("FunctionError") == "Unhandled" and body.get("errorType") == "Function.TestFailure", (failed, body))

tailed = client.invoke(FunctionName="function", LogType="Tail",
                       Payload=json.dumps({"action": "fail", "message": "tail-me"}))
tail = base64.b64decode(tailed.get("LogResult", "")).decode()
request_id = tailed["ResponseMetadata"]["RequestId"]
check("LogType=Tail returns the invocation's log lines, base64, START to END",
      tail.startswith(f"START RequestId: {request_id}") and "Function.TestFailure: tail-me" in tail
      and tail.endswith(f"END RequestId: {request_id}\n") and len(tail.encode()) <= 4096, tail)

before = reports()
started = time.monotonic()
event = client.invoke(FunctionName="function", InvocationType="Event",
                      Payload=json.dumps({"action": "sleep", "milliseconds": 1500}))
answered = time.monotonic() - started
check("InvocationType=Event answers 202 before the function has finished (1.5 s of work)",
      event["StatusCode"] == 202 and answered < 1.0, (event["StatusCode"], answered))
deadline = time.monotonic() + 10
while reports() < before + 1 and time.monotonic() < deadline:
    time.sleep(0.05)
check("the event still runs to its end", reports() == before + 1, open(log).read()[-500:])

before = reports()
dry = client.invoke(FunctionName="function", InvocationType="DryRun", Payload=json.dumps({"action": "fail"}))
time.sleep(0.3)
check("DryRun answers 204 and runs nothing", dry["StatusCode"] == 204 and reports() == before, dry["StatusCode"])
PY
)" || fail "the boto3 checks run to the end" "python3 stopped early"
record_results "$results"

finish
