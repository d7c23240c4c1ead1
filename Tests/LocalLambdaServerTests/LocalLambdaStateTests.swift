import Testing

@testable import LocalLambdaServer

@Suite("LocalLambdaState: waiting /next calls")
struct LocalLambdaStateTests {
  private func makeState() -> LocalLambdaState {
    LocalLambdaState(configuration: LocalLambdaConfiguration(port: 0), recordsRequests: false) { _ in }
  }

  private func event(_ text: String) -> QueuedInvocation {
    QueuedInvocation(event: Array(text.utf8), clientContext: nil, cognitoIdentity: nil, tenantId: nil)
  }

  @Test func aWaiterWhoseConnectionClosedIsDroppedAndGetsNoEvent() async throws {
    let state = makeState()
    await state.connectionOpened(1)
    let stale = Task { await state.next(sandbox: LocalLambdaState.externalSandbox, connection: 1) }
    try await Task.sleep(for: .milliseconds(50))
    await state.connectionClosed(1)
    #expect(await stale.value == nil)

    let invocation = event("{}")
    let invoke = Task { try await state.invoke(invocation) }
    await state.connectionOpened(2)
    let delivered = await state.next(sandbox: LocalLambdaState.externalSandbox, connection: 2)
    #expect(delivered?.requestId == invocation.requestId)
    await state.finish(invocation.requestId, body: Array("ok".utf8), errorType: nil)
    #expect(try await invoke.value.result?.bodyText == "ok")
  }

  @Test func aSandboxThatExitedGetsNoEventAndItsInvocationFails() async throws {
    let state = makeState()
    let sandbox = await state.startSandbox()
    await state.connectionOpened(1)
    let invocation = event("{}")
    let invoke = Task { try await state.invoke(invocation) }
    #expect(await state.next(sandbox: sandbox, connection: 1)?.requestId == invocation.requestId)
    await state.sandboxExited(sandbox, exit: .exited(status: 2))
    let result = try #require(try await invoke.value.result)
    #expect(result.errorType == "Runtime.ExitError")
    #expect(result.bodyText.contains("Runtime exited with error: exit status 2"))
    // A late `/next` from the same sandbox (a request already in flight when it died) gets nothing.
    await state.connectionOpened(2)
    #expect(await state.next(sandbox: sandbox, connection: 2) == nil)
  }
}

extension LocalInvocationAnswer {
  /// The whole answer, unless it is a stream.
  var result: LocalInvocationResult? {
    if case .complete(let result) = self { return result }
    return nil
  }
}
