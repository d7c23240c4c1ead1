/// One write sent with an idempotency key: it runs at most once per key within a day.
///
/// A repeat with the same key and the same request answers with the stored answer of the first (same status,
/// same body), even when the first answer was lost after the write committed, because the record is committed in
/// the same transaction as the write (`WriteReceipt`). The same key with another request is refused with 422.
struct IdempotentWrite: Sendable {
  let store: CarbonTrackStore
  let userId: String
  let keyHash: String
  let requestHash: String
  let now: Timestamp

  /// Validates `key` (1–255 bytes of printable ASCII, as the HTTP header allows) and fingerprints the request.
  init(store: CarbonTrackStore, userId: String, key: String, input: OperationInput, now: Timestamp)
    throws(CarbonTrackError)
  {
    guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
      throw .invalid("Idempotency-Key", "must be 1-255 characters of printable ASCII")
    }
    self.store = store
    self.userId = userId
    self.now = now
    keyHash = IdempotencyRecord.hash(key.utf8)
    // What was asked: the operation, its resource and the exact body bytes.
    let fingerprint = Array("\(input.operation.rawValue)\n\(input.resourceId ?? "")\n".utf8) + input.body
    requestHash = IdempotencyRecord.hash(fingerprint)
  }

  /// The first answer to this key, if it has one; 422 if that answer was to another request.
  func storedAnswer() async throws -> OperationResult? {
    guard let record = try await store.idempotencyRecord(userId: userId, keyHash: keyHash, now: now) else {
      return nil
    }
    guard record.requestHash == requestHash else {
      throw CarbonTrackError.keyReused(
        "This Idempotency-Key was used within the last 24 hours with a different request; use a new key.")
    }
    return OperationResult(statusCode: record.statusCode, body: record.body)
  }

  /// The receipt of a write answering `status` with the store's result as its body.
  func receipt(status: Int) -> WriteReceipt {
    WriteReceipt { [self] result in store.idempotencyReceipt(record(status, try JSONCoding.encode(result)), now: now) }
  }

  /// The receipt of a write answering `status` with `fixedBody`, whatever the store returns.
  func receipt(status: Int, fixedBody: some Encodable & Sendable) -> WriteReceipt {
    WriteReceipt { [self] _ in store.idempotencyReceipt(record(status, try JSONCoding.encode(fixedBody)), now: now) }
  }

  /// Stores `result` as the answer, after a write that could not carry its receipt.
  func record(_ result: OperationResult) async throws {
    try await store.putIdempotencyRecord(record(result.statusCode, result.body), now: now)
  }

  private func record(_ status: Int, _ body: [UInt8]) -> IdempotencyRecord {
    IdempotencyRecord(
      userId: userId, keyHash: keyHash, requestHash: requestHash, statusCode: status, body: body,
      expiresAt: now.millisecondsSinceEpoch / 1000 + IdempotencyRecord.lifetimeSeconds)
  }
}
