"""Minimal DynamoDB JSON 1.0 responder on loopback, shared by the Swift and boto3 benchmarks.

It answers PutItem with {} and GetItem with one fixed CarbonTrack entry item, adding x-amz-crc32 like DynamoDB.
Usage: python3 responder.py PORT
"""
import http.server
import socketserver
import sys
import zlib

ITEM = (
    b'{"Item":{"pk":{"S":"USER#7f1c2d3e"},"sk":{"S":"ENTRY#2026-11-26#0b5e"},'
    b'"id":{"S":"0B5E2A4C-9D51-4C1B-8E07-6F3A2B1C9D80"},"category":{"S":"transport"},'
    b'"activity":{"S":"car_petrol"},"quantity":{"N":"12.5"},"unit":{"S":"km"},"kgCO2e":{"N":"2.1375"},'
    b'"date":{"S":"2026-11-26"},"createdAt":{"S":"2026-11-26T08:15:30.250Z"},"tags":{"SS":["commute","work"]},'
    b'"note":{"S":"Drive to the office"}}}'
)
EMPTY = b"{}"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = ITEM if self.headers.get("X-Amz-Target", "").endswith("GetItem") else EMPTY
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-amz-crc32", str(zlib.crc32(body) & 0xFFFFFFFF))
        self.send_header("x-amzn-RequestId", "bench")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
