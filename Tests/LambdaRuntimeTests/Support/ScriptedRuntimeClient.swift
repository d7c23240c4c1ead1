import NIOCore
import NIOPosix
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
  }

  let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
  private let state: Mutex<(script: [Next], posts: [Post])>

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

  func postError(requestId: String, report: ErrorReport) async throws -> Int {
    record(.error(requestId: requestId, report: report))
  }

  func postInitError(report: ErrorReport) async throws -> Int {
    record(.initError(report))
  }

  private func record(_ post: Post) -> Int {
    state.withLock { $0.posts.append(post) }
    return 202
  }
}
