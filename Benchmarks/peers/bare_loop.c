/* The floor for a Lambda runtime: a loop that makes only the two Runtime API calls per invoke (GET /next, then
 * POST /response echoing the event) over one keep-alive connection, with no parsing beyond the request id and
 * Content-Length. scripts/bench-runtime.sh and scripts/bench-peers.sh measure every runtime against it. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[1 << 20];
static size_t have;

/* Reads one HTTP response; copies the request id header and returns the body length (body at buf[*start]). */
static long read_response(int fd, char *request_id, size_t *start) {
  char *end;
  for (;;) {
    buf[have] = 0;
    if ((end = strstr(buf, "\r\n\r\n"))) break;
    ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
    if (n <= 0) exit(2);
    have += (size_t)n;
  }
  long length = 0;
  for (char *line = strstr(buf, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2) {
    if (!strncasecmp(line, "Content-Length:", 15)) length = atol(line + 15);
    if (request_id && !strncasecmp(line, "Lambda-Runtime-Aws-Request-Id:", 30)) {
      char *value = line + 30, *stop = strstr(line, "\r\n");
      while (*value == ' ') value++;
      memcpy(request_id, value, (size_t)(stop - value));
      request_id[stop - value] = 0;
    }
  }
  *start = (size_t)(end + 4 - buf);
  while (have < *start + (size_t)length) {
    ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
    if (n <= 0) exit(2);
    have += (size_t)n;
  }
  return length;
}

static void consume(size_t count) {
  memmove(buf, buf + count, have - count);
  have -= count;
}

int main(void) {
  char *api = getenv("AWS_LAMBDA_RUNTIME_API"), host[64], request[1024], request_id[128], body[1 << 16];
  snprintf(host, sizeof host, "%s", api);
  char *colon = strrchr(host, ':');
  *colon = 0;
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(colon + 1))};
  inet_pton(AF_INET, host, &address.sin_addr);
  int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&address, sizeof address)) return 2;
  for (;;) {
    int n = snprintf(request, sizeof request, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: %s\r\n\r\n", api);
    if (write(fd, request, (size_t)n) != n) return 2;
    size_t start;
    long length = read_response(fd, request_id, &start);
    memcpy(body, buf + start, (size_t)length);
    consume(start + (size_t)length);
    n = snprintf(request, sizeof request,
                 "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: %s\r\nContent-Length: %ld\r\n\r\n",
                 request_id, api, length);
    if (write(fd, request, (size_t)n) != n || write(fd, body, (size_t)length) != length) return 2;
    length = read_response(fd, NULL, &start);
    consume(start + (size_t)length);
  }
}
