/// A matched API route: the operation plus the ids taken from the path.
package struct Route: Sendable, Hashable {
  package var operation: DataOperation
  package var userId: String
  /// The entry timestamp or goal id for item routes, percent-decoded.
  package var resourceId: String?

  /// Creates a route.
  package init(operation: DataOperation, userId: String, resourceId: String? = nil) {
    self.operation = operation
    self.userId = userId
    self.resourceId = resourceId
  }
}
