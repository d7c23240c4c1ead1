/// Polls `condition` until it holds or `limit` passes.
package func eventually(limit: Duration = .seconds(10), _ condition: () async -> Bool) async -> Bool {
  let stop = ContinuousClock.now + limit
  while ContinuousClock.now < stop {
    if await condition() { return true }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return await condition()
}
