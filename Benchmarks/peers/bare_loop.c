/* The floor for a Lambda runtime: a loop that makes only the two Runtime API calls per invoke (GET /next, then
 * POST /response echoing the event) over one keep-alive connection, with no parsing beyond the request id and
 * Content-Length. scripts/bench-runtime.sh and scripts/bench-peers.sh measure every runtime against it.
 *
 * With BARE_RESPONSE_BYTES=N it answers N bytes instead of the event: buffered, or, with BARE_CHUNK_BYTES=M as well,
 * streamed in chunks of M bytes the way the Runtime API's streaming mode takes them. scripts/bench-streaming.sh uses
 * this as the floor of what streaming costs over buffering on the same server. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/uio.h>
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

static int write_all(int fd, struct iovec *pieces, int count) {
  while (count > 0) {
    ssize_t n = writev(fd, pieces, count);
    if (n <= 0) return -1;
    for (; count > 0 && (size_t)n >= pieces->iov_len; count--, pieces++) n -= (ssize_t)pieces->iov_len;
    if (count > 0) {
      pieces->iov_base = (char *)pieces->iov_base + n;
      pieces->iov_len -= (size_t)n;
    }
  }
  return 0;
}

/* Answers `size` bytes of `payload`, buffered when `chunk` is 0, else streamed in chunks of `chunk` bytes. */
static int answer_fixed(int fd, const char *api, const char *request_id, const char *payload, long size, long chunk) {
  char head[1024], frame[32];
  int n;
  if (!chunk) {
    n = snprintf(head, sizeof head,
                 "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: %s\r\nContent-Length: %ld\r\n\r\n",
                 request_id, api, size);
    struct iovec pieces[] = {{head, (size_t)n}, {(void *)payload, (size_t)size}};
    return write_all(fd, pieces, 2);
  }
  n = snprintf(head, sizeof head,
               "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: %s\r\n"
               "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
               "Content-Type: application/octet-stream\r\n"
               "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n\r\n",
               request_id, api);
  /* The head leaves with the first chunk, as the runtime sends it. */
  size_t head_length = (size_t)n;
  for (long sent = 0; sent < size; sent += chunk) {
    long length = size - sent < chunk ? size - sent : chunk;
    n = snprintf(frame, sizeof frame, "%lx\r\n", length);
    struct iovec pieces[] = {
        {head, head_length}, {frame, (size_t)n}, {(void *)(payload + sent), (size_t)length}, {"\r\n", 2}};
    if (write_all(fd, pieces, 4)) return -1;
    head_length = 0;
  }
  struct iovec last[] = {{"0\r\n\r\n", 5}};
  return write_all(fd, last, 1);
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
  long fixed_size = getenv("BARE_RESPONSE_BYTES") ? atol(getenv("BARE_RESPONSE_BYTES")) : -1;
  long chunk = getenv("BARE_CHUNK_BYTES") ? atol(getenv("BARE_CHUNK_BYTES")) : 0;
  char *payload = fixed_size > 0 ? malloc((size_t)fixed_size) : NULL;
  if (payload) memset(payload, 'a', (size_t)fixed_size);
  for (;;) {
    int n = snprintf(request, sizeof request, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: %s\r\n\r\n", api);
    if (write(fd, request, (size_t)n) != n) return 2;
    size_t start;
    long length = read_response(fd, request_id, &start);
    if (fixed_size >= 0) {
      consume(start + (size_t)length);
      if (answer_fixed(fd, api, request_id, payload, fixed_size, chunk)) return 2;
      length = read_response(fd, NULL, &start);
      consume(start + (size_t)length);
      continue;
    }
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
