import LambdaRuntime
import NIOCore
import NIOHTTP1
import NIOPosix
import RuntimeTestSupport

/// A misbehaving Runtime API: a real HTTP server whose answers come from a script, recording each request line.
final class ScriptedRuntimeAPI: Sendable {
  typealias Answer = (status: Int, headers: [(String, String)], body: String)
  typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

  private let channel: any Channel
  private let requests = RequestLines()
  private let task: Task<Void, Never>

  /// Starts on a free loopback port; `script` answers each request given its method and path.
  init(_ script: @escaping @Sendable (_ method: String, _ path: String) -> Answer) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .bind(host: "127.0.0.1", port: 0) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          return try Connection(wrappingChannelSynchronously: channel)
        }
      }
    channel = server.channel
    let requests = requests
    task = Task {
      try? await server.executeThenClose { inbound in
        try await withThrowingDiscardingTaskGroup { group in
          for try await connection in inbound {
            group.addTask { await Self.serve(connection, script, requests) }
          }
        }
      }
    }
  }

  /// `127.0.0.1:<port>`.
  var address: String { "127.0.0.1:\(channel.localAddress?.port ?? 0)" }

  /// `METHOD path` of every request so far.
  var requestLines: [String] { requests.all }

  func shutdown() async {
    try? await channel.close()
    task.cancel()
  }

  private static func serve(
    _ connection: Connection,
    _ script: @Sendable (String, String) -> Answer,
    _ requests: RequestLines
  ) async {
    try? await connection.executeThenClose { inbound, outbound in
      var pending: HTTPRequestHead?
      for try await part in inbound {
        if case .head(let head) = part { pending = head }
        guard case .end = part, let head = pending else { continue }
        requests.append("\(head.method.rawValue) \(head.uri)")
        let answer = script(head.method.rawValue, head.uri)
        var responseHead = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status))
        for (name, value) in answer.headers { responseHead.headers.add(name: name, value: value) }
        responseHead.headers.add(name: "Content-Length", value: String(answer.body.utf8.count))
        try await outbound.write(contentsOf: [
          .head(responseHead), .body(.byteBuffer(ByteBuffer(string: answer.body))), .end(nil),
        ])
      }
    }
  }
}
