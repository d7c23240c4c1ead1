/// A matched API route: the operation plus the ids taken from the path.
public struct Route: Sendable, Hashable {
  public var operation: Operation
  public var userId: String
  /// The entry timestamp or goal id for item routes, percent-decoded.
  public var resourceId: String?

  /// Creates a route.
  public init(operation: Operation, userId: String, resourceId: String? = nil) {
    self.operation = operation
    self.userId = userId
    self.resourceId = resourceId
  }
}
