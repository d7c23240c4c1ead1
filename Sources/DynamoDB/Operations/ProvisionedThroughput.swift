/// Read and write capacity for provisioned tables and indexes.
public struct ProvisionedThroughput: Codable, Hashable, Sendable {
  public var readCapacityUnits: Int
  public var writeCapacityUnits: Int

  /// Provisioned throughput.
  public init(readCapacityUnits: Int, writeCapacityUnits: Int) {
    self.readCapacityUnits = readCapacityUnits
    self.writeCapacityUnits = writeCapacityUnits
  }

  enum CodingKeys: String, CodingKey {
    case readCapacityUnits = "ReadCapacityUnits"
    case writeCapacityUnits = "WriteCapacityUnits"
  }
}
