/// Collects any number of puts and deletes and writes them in groups of 25, resubmitting unprocessed entries.
///
///     var writer = BatchWriter(client: client, keyAttributes: ["Entries": ["userId", "timestamp"]])
///     for entry in entries { try writer.put(entry, into: "Entries") }
///     try await writer.flush()
///
/// DynamoDB rejects a batch that names one key twice. For the tables listed in `keyAttributes`, a later put or
/// delete of a key that is already queued replaces the queued write (the last one wins, as sequential writes would),
/// like boto3's `overwrite_by_pkeys`.
public struct BatchWriter: Sendable {
  let writeAll: @Sendable ([String: [WriteRequest]]) async throws -> Void
  let encoder: DynamoDBEncoder
  /// Key attribute names per table, for the tables whose writes are deduplicated.
  public let keyAttributes: [String: [String]]
  /// Writes not yet sent, per table.
  public private(set) var pending: [String: [WriteRequest]] = [:]
  /// Where each queued key stands in `pending`, for the tables in `keyAttributes`.
  private var queuedKeys: [String: [Item: Int]] = [:]

  /// A writer for `client`; `keyAttributes` (table name → key attribute names) turns on deduplication.
  public init(
    client: DynamoDBClient, encoder: DynamoDBEncoder = DynamoDBEncoder(), keyAttributes: [String: [String]] = [:]
  ) {
    self.init(writeAll: client.batchWriteAll, encoder: encoder, keyAttributes: keyAttributes)
  }

  /// A writer whose batches go to `writeAll`, which writes them all as `DynamoDBClient.batchWriteAll` does; for
  /// code that reaches DynamoDB through its own seam.
  public init(
    writeAll: @escaping @Sendable ([String: [WriteRequest]]) async throws -> Void,
    encoder: DynamoDBEncoder = DynamoDBEncoder(), keyAttributes: [String: [String]] = [:]
  ) {
    self.writeAll = writeAll
    self.encoder = encoder
    self.keyAttributes = keyAttributes
  }

  /// Number of writes not yet sent.
  public var pendingCount: Int { pending.values.reduce(0) { $0 + $1.count } }

  /// Queues a put of `item`; throws `itemTooLarge` at once for items over 400 KB.
  public mutating func put(_ item: Item, into tableName: String) throws {
    try DynamoDBClient.checkSize(item)
    enqueue(.put(item), into: tableName)
  }

  /// Queues a put of `value` encoded as an item.
  public mutating func put(_ value: some Encodable, into tableName: String) throws {
    try put(try encoder.encode(value), into: tableName)
  }

  /// Queues a delete of the item with `key`.
  public mutating func delete(key: Item, from tableName: String) {
    enqueue(.delete(key: key), into: tableName)
  }

  /// Sends every queued write; on return all of them are stored. Queued writes are kept if this throws.
  public mutating func flush() async throws {
    try await writeAll(pending)
    pending = [:]
    queuedKeys = [:]
  }

  private mutating func enqueue(_ write: WriteRequest, into tableName: String) {
    guard let names = keyAttributes[tableName], let key = write.key(named: names) else {
      pending[tableName, default: []].append(write)
      return
    }
    if let index = queuedKeys[tableName]?[key] {
      pending[tableName]![index] = write
    } else {
      queuedKeys[tableName, default: [:]][key] = pending[tableName, default: []].count
      pending[tableName, default: []].append(write)
    }
  }
}

extension WriteRequest {
  /// The attributes `names` of the written item or key, numbers in canonical form so that keys compare as
  /// DynamoDB compares them; nil if one is missing.
  func key(named names: [String]) -> Item? {
    let attributes: Item
    switch self {
    case .put(let item): attributes = item
    case .delete(let key): attributes = key
    }
    var key: Item = [:]
    for name in names {
      guard let value = attributes[name] else { return nil }
      if case .n(let text) = value, let canonical = DynamoDBNumber.canonicalText(text) {
        key[name] = .n(canonical)
      } else {
        key[name] = value
      }
    }
    return key
  }
}
