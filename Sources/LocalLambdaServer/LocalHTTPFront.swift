import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Plain HTTP in front of a local function, as a function URL (or an HTTP API `$default` route with a JWT
/// authorizer) puts it in front of a deployed one: each request becomes a payload 2.0 event for the function, and
/// its answer (whole, or streamed with a function URL prelude) becomes the HTTP response.
///
/// A bearer token's claims go where the JWT authorizer puts them. Without a `JWKSVerifier` the token is only
/// decoded, so the front binds to loopback alone: anyone who can reach it can claim any identity.
public final class LocalHTTPFront: Sendable {
  /// The port actually bound.
  public let port: Int
  private let listener: RuntimeAPIListener

  /// Binds `127.0.0.1:port` (0 picks a free port) and sends every request to `server`'s function; `jwks` is a JSON
  /// Web Key Set whose keys token signatures must verify against (nil: signatures are not checked).
  public static func start(
    for server: LocalLambdaServer, port: Int, jwks: [UInt8]? = nil,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> LocalHTTPFront {
    let verifier = try jwks.map { bytes throws(JWKSVerifier.InvalidKeySet) in try JWKSVerifier(jwks: bytes) }
    let listener = try await RuntimeAPIListener.bind(host: "127.0.0.1", port: port, group: group) {
      connection, connections in
      // Registered, so that `close` ends keep-alive connections instead of waiting for their clients.
      connections.add(connection.channel)
      defer { connections.remove(connection.channel) }
      await HTTPFrontConnection(server: server, verifier: verifier).serve(connection)
    }
    return LocalHTTPFront(port: listener.port, listener: listener)
  }

  /// An unsigned JWT (`alg` none) for `subject`, valid for `lifetime` from `now`: what a front without a key set
  /// accepts, to try the API as one user.
  public static func unsignedToken(subject: String, lifetime: Duration, now: Date = Date()) -> String {
    let issuedAt = Int64(now.timeIntervalSince1970)
    struct Claims: Encodable {
      var sub: String
      var iat: Int64
      var exp: Int64
      var iss = "carbontrack-local"
    }
    let claims = Claims(sub: subject, iat: issuedAt, exp: issuedAt + lifetime.components.seconds)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let payload = (try? encoder.encode(claims)).map(Array.init) ?? []
    return Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(payload) + "."
  }

  private init(port: Int, listener: RuntimeAPIListener) {
    self.port = port
    self.listener = listener
  }

  /// Stops listening and closes every connection.
  public func close() async {
    await listener.close()
  }
}

/// One keep-alive connection of the HTTP front, its requests answered one at a time.
private struct HTTPFrontConnection {
  let server: LocalLambdaServer
  let verifier: JWKSVerifier?

  func serve(_ connection: RuntimeAPIListener.Connection) async {
    let sourceIp = connection.channel.remoteAddress?.ipAddress ?? "127.0.0.1"
    try? await connection.executeThenClose { inbound, outbound in
      var head: HTTPRequestHead?
      var body: [UInt8] = []
      var tooLarge = false
      for try await part in inbound {
        switch part {
        case .head(let start):
          (head, body, tooLarge) = (start, [], false)
        case .body(let chunk):
          tooLarge = tooLarge || body.count + chunk.readableBytes > server.configuration.maxEventBytes
          if !tooLarge { body += chunk.readableBytesView }
        case .end:
          guard let request = head else { continue }
          head = nil
          let keepAlive = request.isKeepAlive && !tooLarge
          if tooLarge {
            try await write(
              ProxyResponse(
                status: 413, headers: [("content-type", "application/json")],
                body: Array(#"{"message":"Request Entity Too Large"}"#.utf8)), keepAlive: false, outbound)
            return
          }
          try await answer(request, body: body, sourceIp: sourceIp, keepAlive: keepAlive, outbound)
          if !keepAlive { return }
        }
      }
    }
  }

  private func answer(
    _ request: HTTPRequestHead, body: [UInt8], sourceIp: String, keepAlive: Bool,
    _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    let claims: [String: String]?
    do {
      claims = try BearerClaims.read(
        authorization: request.headers.first(name: "authorization"), now: Date(), verifier: verifier)
    } catch {
      try await write(.unauthorized, keepAlive: keepAlive, outbound)
      return
    }
    let event = FunctionURLEvent(
      method: request.method.rawValue, target: request.uri, headers: request.headers.map { ($0.name, $0.value) },
      body: body, sourceIp: sourceIp, claims: claims, requestId: UUID().uuidString.lowercased(), now: Date())
    let answer: LocalInvocationAnswer
    do {
      answer = try await server.invokeStreaming(try event.json())
    } catch {
      try await write(.internalError, keepAlive: keepAlive, outbound)
      return
    }
    switch answer {
    case .complete(let result):
      let response = result.isSuccess ? ProxyResponse(functionAnswer: result.body) ?? .internalError : .internalError
      try await write(response, keepAlive: keepAlive, outbound)
    case .streamed(let stream):
      try await StreamedAnswerWriter(stream: stream, keepAlive: keepAlive, outbound: outbound).write()
    }
  }

  private func write(
    _ response: ProxyResponse, keepAlive: Bool, _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
  ) async throws {
    try await WholeResponse.write(
      status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body,
      keepAlive: keepAlive, to: outbound)
  }
}
