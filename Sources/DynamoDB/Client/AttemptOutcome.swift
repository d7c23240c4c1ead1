#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// What one HTTP attempt produced, and whether another attempt may help.
enum AttemptOutcome {
  /// Whether and how a failure is retried.
  enum Retry: Equatable {
    case never
    case withBackoff
    /// The signature was rejected for time; sign again with the server's clock (once).
    case afterClockCorrection(serverDate: Date)
  }

  case success([UInt8])
  case failure(DynamoDBError, Retry)
}
