import LambdaRuntime

// Until CarbonTrackFunction.makeRegistry lands: an echo-only function.
await LambdaRuntimeMain.run { _ in
  var registry = HandlerRegistry(router: { _ in "echo" })
  registry.register("echo", RawClosureHandler { event, _ in event })
  return registry
}
