"""moto's server with one request at a time, so every request is atomic as it is on DynamoDB.

moto applies an UpdateItem ADD or a TransactWriteItems as read, change, write with no lock, so two
requests that race on one item lose an update, which DynamoDB never does. A process-wide lock around
the WSGI app gives each request the isolation DynamoDB gives it. Usage: atomic_moto_server.py PORT

It also counts the requests per operation (X-Amz-Target), for benchmarks: GET /_counts answers them as
JSON, DELETE /_counts sets them back to zero.
"""

import json
import signal
import sys
import threading
from collections import Counter

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def one_at_a_time(app):
    lock = threading.Lock()
    counts = Counter()

    def handle(environ, start_response):
        with lock:
            if environ.get("PATH_INFO") == "/_counts":
                if environ.get("REQUEST_METHOD") == "DELETE":
                    counts.clear()
                start_response("200 OK", [("Content-Type", "application/json")])
                return [json.dumps(counts).encode()]
            target = environ.get("HTTP_X_AMZ_TARGET")
            if target:
                counts[target.split(".")[-1]] += 1
            # The body is produced inside the lock: moto may build it lazily.
            return list(app(environ, start_response))

    return handle


def main() -> None:
    port = int(sys.argv[1])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple("127.0.0.1", port, one_at_a_time(app), threaded=True)


if __name__ == "__main__":
    main()
