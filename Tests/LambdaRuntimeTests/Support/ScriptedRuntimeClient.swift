import NIOCore
import NIOPosix
import SharedSupport
import Synchronization

@testable import LambdaRuntime

/// A Runtime API in the test's own process: `next()` hands out scripted invocations (then waits until cancelled),
/// and every post is recorded.
final class ScriptedRuntimeClient: RuntimeAPI {
  /// What one `next()` call returns.
  enum Next: Sendable {
    case invocation(Invocation)
    case failure(RuntimeAPIError)
  }

  /// A recorded post.
  enum Post: Sendable, Equatable {
    case response(requestId: String, body: [UInt8])
    case error(requestId: String, report: ErrorReport)
    case initError(ErrorReport)
    /// A streamed response once it has ended: its chunks as sent, and the error in its trailers.
    case stream(requestId: String, contentType: String, chunks: [[UInt8]], error: ErrorReport?)
  }

  /// A streamed response being recorded; it becomes a `Post` when it ends.
  final class Stream: ResponseStream {
    private let client: ScriptedRuntimeClient
    private let requestId: String
    private let contentType: String
    private let chunks = Mutex<[[UInt8]]>([])

    init(client: ScriptedRuntimeClient, requestId: String, contentType: String) {
      self.client = client
      self.requestId = requestId
      self.contentType = contentType
    }

    /// What was sent so far, while the stream is open.
    var sent: [[UInt8]] { chunks.withLock { $0 } }

    func send(_ chunk: ByteBuffer, whenWritten: @escaping @Sendable (Result<Void, any Error>) -> Void) {
      chunks.withLock { $0.append(Array(chunk.readableBytesView)) }
      client.eventLoop.execute { whenWritten(.success(())) }
    }

    func finish(error: ErrorReport?) -> EventLoopFuture<Int> {
      let status = client.record(
        .stream(requestId: requestId, contentType: contentType, chunks: sent, error: error))
      return client.eventLoop.makeSucceededFuture(status)
    }
  }

  let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
  private let state: Mutex<(script: [Next], posts: [Post])>
  private let openStreams = Mutex<[Stream]>([])

  init(_ script: [Next]) {
    state = Mutex((script, []))
  }

  /// An invocation with the given id and event, due `deadline` from now.
  static func invocation(
    _ requestId: String, _ event: String, deadline: Duration = .seconds(60), traceId: String? = nil
  ) -> Next {
    .invocation(
      Invocation(
        requestId: requestId, deadline: WallClock.nowMilliseconds() + Int64(deadline / .milliseconds(1)),
        invokedFunctionArn: "arn:aws:lambda:us-east-1:1:function:test", traceId: traceId, clientContext: nil,
        cognitoIdentity: nil, tenantId: nil, event: Array(event.utf8)))
  }

  /// Every post so far, in order.
  var posts: [Post] { state.withLock { $0.posts } }

  func next() async throws -> Invocation {
    let step = state.withLock { state -> Next? in state.script.isEmpty ? nil : state.script.removeFirst() }
    switch step {
    case .invocation(let invocation): return invocation
    case .failure(let error): throw error
    case nil:
      // Like Lambda with no more events: wait, until the loop is cancelled.
      try await Task.sleep(for: .seconds(3600))
      throw CancellationError()
    }
  }

  func postResponse(requestId: String, body: [UInt8]) async throws -> Int {
    record(.response(requestId: requestId, body: body))
  }

  func startStreamingResponse(requestId: String, contentType: String) -> Stream {
    let stream = Stream(client: self, requestId: requestId, contentType: contentType)
    openStreams.withLock { $0.append(stream) }
    return stream
  }

  /// The streams opened so far (ended or not).
  var streams: [Stream] { openStreams.withLock { $0 } }

  func postError(requestId: String, report: ErrorReport) async throws -> Int {
    record(.error(requestId: requestId, report: report))
  }

  func postInitError(report: ErrorReport) async throws -> Int {
    record(.initError(report))
  }

  fileprivate func record(_ post: Post) -> Int {
    state.withLock { $0.posts.append(post) }
    return 202
  }
}
