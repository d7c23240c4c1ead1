extension LambdaRuntime {
  /// A runtime for a closure taking a decoded event and returning a value encoded as the JSON response.
  ///
  /// ```swift
  /// let runtime = LambdaRuntime { (order: Order, context: LambdaContext) in Receipt(total: order.total) }
  /// ```
  public init<Event: Decodable & Sendable, Output: Encodable & Sendable>(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(),
    _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output
  ) {
    self.init(configuration: configuration, handler: CodableClosureHandler(body))
  }

  /// A runtime for a closure from the event's bytes to the response's bytes, untouched by the runtime.
  public init(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(),
    bytes body: @escaping @Sendable ([UInt8], LambdaContext) async throws -> [UInt8]
  ) {
    self.init(configuration: configuration) { _ in .buffered(body) }
  }

  /// A runtime for a closure that streams its response to a writer (see `LambdaResponseWriter`).
  ///
  /// ```swift
  /// let runtime = LambdaRuntime(streaming: { event, writer, context in
  ///   for number in 1...3 { try await writer.write("chunk \(number)\n") }
  /// })
  /// ```
  public init(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(),
    streaming body: @escaping @Sendable ([UInt8], LambdaResponseWriter, LambdaContext) async throws -> Void
  ) {
    self.init(configuration: configuration) { _ in .streaming(body) }
  }

  /// A runtime for a handler that streams its response.
  public init(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(), handler: some StreamingLambdaHandler
  ) {
    self.init(configuration: configuration) { _ in
      .streaming { try await handler.handle($0, writer: $1, context: $2) }
    }
  }

  /// A runtime whose streaming handler is made once per process by `setup` (see the Codable form).
  public init<Handler: StreamingLambdaHandler>(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(),
    setup: @escaping @Sendable (LambdaInitContext) async throws -> Handler
  ) {
    self.init(configuration: configuration) { context in
      let handler = try await setup(context)
      return .streaming { try await handler.handle($0, writer: $1, context: $2) }
    }
  }

  /// A runtime for a handler whose event and output are JSON.
  public init(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(), handler: some CodableLambdaHandler
  ) {
    self.init(configuration: configuration, handler: CodableHandlerAdapter(handler: handler))
  }

  /// A runtime for a handler of bytes.
  public init(configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(), handler: some RawLambdaHandler)
  {
    self.init(configuration: configuration) { _ in .buffered { try await handler.handle($0, context: $1) } }
  }

  /// A runtime whose handler is made once per process by `setup`, which may also register shutdown work; a `setup`
  /// that throws is reported to Lambda as an initialisation error.
  public init<Handler: CodableLambdaHandler>(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(),
    setup: @escaping @Sendable (LambdaInitContext) async throws -> Handler
  ) {
    self.init(configuration: configuration) { context in
      let adapter = CodableHandlerAdapter(handler: try await setup(context))
      return .buffered { try await adapter.handle($0, context: $1) }
    }
  }

  /// A runtime whose handler of bytes is made once per process by `setup` (see the Codable form).
  public init<Handler: RawLambdaHandler>(
    configuration: LambdaRuntimeConfiguration = LambdaRuntimeConfiguration(),
    setup: @escaping @Sendable (LambdaInitContext) async throws -> Handler
  ) {
    self.init(configuration: configuration) { context in
      let handler = try await setup(context)
      return .buffered { try await handler.handle($0, context: $1) }
    }
  }
}
