/// A DynamoDB item (or key): attribute names to values.
public typealias Item = [String: AttributeValue]
