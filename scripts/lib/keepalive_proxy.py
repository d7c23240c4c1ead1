"""A keep-alive front for the moto server: HTTP/1.1 to its clients, one new connection to moto per request.

Usage: keepalive_proxy.py LISTEN_PORT MOTO_URL. moto's server (werkzeug) closes the connection after every
response, so a client talking to it directly pays a TCP connect and close per DynamoDB call, which DynamoDB's
keep-alive endpoints do not make it pay. With this in between, the function under test keeps its connections
and only this process (whose CPU is not measured) reconnects.
"""

import http.client
import signal
import socket
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

listen_port = int(sys.argv[1])
moto = urllib.parse.urlsplit(sys.argv[2])
# Hop-by-hop headers describe one connection, not the request; the two sides here have their own.
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body leave in two writes; without this, Nagle holds the second until the client's delayed
        # ACK, some 40 ms a call.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        upstream = http.client.HTTPConnection(moto.hostname, moto.port)
        headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP}
        upstream.request(self.command, self.path, body=body, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        self.send_response(answer.status, answer.reason)
        for name, value in answer.getheaders():
            if name.lower() not in HOP and name.lower() not in ("server", "date"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = forward

    def log_message(self, *_):
        pass


signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", listen_port), Forward).serve_forever()
