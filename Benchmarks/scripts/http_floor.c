/* The floor for one DynamoDB call from this machine: a blocking keep-alive socket that sends a prebuilt
 * PutItem request in one write and reads the response, nothing else (no signing, no JSON, no event loop).
 * Prints client CPU (user + system) and wall time per call against responder.py.
 * Build and run: cc -O2 -o /tmp/http_floor http_floor.c && /tmp/http_floor 8765 20000 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval t) { return (double)t.tv_sec + (double)t.tv_usec / 1e6; }

static double cpu_now(void) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

static double wall_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* Reads one response (headers, then Content-Length bytes of body); exits on a closed connection. */
static void read_response(int fd) {
  static char buf[65536];
  size_t have = 0;
  char *end;
  for (;;) {
    ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
    if (n <= 0) exit(2);
    have += (size_t)n;
    buf[have] = 0;
    if ((end = strstr(buf, "\r\n\r\n"))) break;
  }
  long length = 0;
  for (char *line = strstr(buf, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2)
    if (!strncasecmp(line, "Content-Length:", 15)) length = atol(line + 15);
  size_t total = (size_t)(end + 4 - buf) + (size_t)length;
  while (have < total) {
    ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
    if (n <= 0) exit(2);
    have += (size_t)n;
  }
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 8765, iterations = argc > 2 ? atoi(argv[2]) : 20000;
  const char *body = "{\"TableName\":\"Entries\",\"Item\":{\"pk\":{\"S\":\"USER#7f1c2d3e\"},\"sk\":{\"S\":\"ENTRY#x\"}}}";
  char request[2048];
  int size = snprintf(request, sizeof request,
                      "POST / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/x-amz-json-1.0\r\n"
                      "X-Amz-Target: DynamoDB_20120810.PutItem\r\nX-Amz-Date: 20261126T120000Z\r\n"
                      "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/dynamodb/"
                      "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
                      "0000000000000000000000000000000000000000000000000000000000000000\r\n"
                      "Content-Length: %zu\r\n\r\n%s",
                      port, strlen(body), body);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&address, sizeof address)) return 2;
  for (int i = 0; i < 200; i++) {
    if (write(fd, request, (size_t)size) != size) return 2;
    read_response(fd);
  }
  double cpu = cpu_now(), wall = wall_now();
  for (int i = 0; i < iterations; i++) {
    if (write(fd, request, (size_t)size) != size) return 2;
    read_response(fd);
  }
  cpu = cpu_now() - cpu;
  wall = wall_now() - wall;
  printf("HTTP floor (one write, blocking read): %.1f us CPU/op, %.1f us wall/op\n", cpu / iterations * 1e6,
         wall / iterations * 1e6);
  return 0;
}
