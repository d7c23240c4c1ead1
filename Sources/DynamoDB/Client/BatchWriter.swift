/// Collects any number of puts and deletes and writes them in groups of 25, resubmitting unprocessed entries.
///
///     var writer = BatchWriter(client: client)
///     for entry in entries { try writer.put(entry, into: "Entries") }
///     try await writer.flush()
public struct BatchWriter: Sendable {
  let client: DynamoDBClient
  let encoder: DynamoDBEncoder
  /// Writes not yet sent, per table.
  public private(set) var pending: [String: [WriteRequest]] = [:]

  /// A writer for `client`.
  public init(client: DynamoDBClient, encoder: DynamoDBEncoder = DynamoDBEncoder()) {
    self.client = client
    self.encoder = encoder
  }

  /// Number of writes not yet sent.
  public var pendingCount: Int { pending.values.reduce(0) { $0 + $1.count } }

  /// Queues a put of `item`; throws `itemTooLarge` at once for items over 400 KB.
  public mutating func put(_ item: Item, into tableName: String) throws {
    try DynamoDBClient.checkSize(item)
    pending[tableName, default: []].append(.put(item))
  }

  /// Queues a put of `value` encoded as an item.
  public mutating func put(_ value: some Encodable, into tableName: String) throws {
    try put(try encoder.encode(value), into: tableName)
  }

  /// Queues a delete of the item with `key`.
  public mutating func delete(key: Item, from tableName: String) {
    pending[tableName, default: []].append(.delete(key: key))
  }

  /// Sends every queued write; on return all of them are stored. Queued writes are kept if this throws.
  public mutating func flush() async throws {
    try await client.batchWriteAll(pending)
    pending = [:]
  }
}
