/// A DynamoDB error code (the part of `__type` after `#`), e.g. `ConditionalCheckFailedException`.
public struct DynamoDBErrorCode: DynamoDBWireConstant {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// A condition expression evaluated to false.
  public static let conditionalCheckFailed = Self(rawValue: "ConditionalCheckFailedException")
  /// A transaction was cancelled; see the cancellation reasons.
  public static let transactionCanceled = Self(rawValue: "TransactionCanceledException")
  /// Another transaction is using the same items.
  public static let transactionConflict = Self(rawValue: "TransactionConflictException")
  /// A transaction with the same client request token is still being processed.
  public static let transactionInProgress = Self(rawValue: "TransactionInProgressException")
  /// The same client request token was used with different parameters or is still in progress.
  public static let idempotentParameterMismatch = Self(rawValue: "IdempotentParameterMismatchException")
  /// The table or index does not exist (or is not active yet).
  public static let resourceNotFound = Self(rawValue: "ResourceNotFoundException")
  /// The table already exists or is being changed.
  public static let resourceInUse = Self(rawValue: "ResourceInUseException")
  /// The request is malformed.
  public static let validation = Self(rawValue: "ValidationException")
  /// Provisioned throughput exceeded (retried).
  public static let provisionedThroughputExceeded = Self(rawValue: "ProvisionedThroughputExceededException")
  /// Request rate too high (retried).
  public static let throttling = Self(rawValue: "ThrottlingException")
  /// Account-level request limit exceeded (retried).
  public static let requestLimitExceeded = Self(rawValue: "RequestLimitExceeded")
  /// Server-side failure (retried).
  public static let internalServerError = Self(rawValue: "InternalServerError")
  /// Service unavailable (retried).
  public static let serviceUnavailable = Self(rawValue: "ServiceUnavailable")
  /// The signature does not match (wrong secret key or a signing bug).
  public static let signatureDoesNotMatch = Self(rawValue: "SignatureDoesNotMatch")
  /// The access key id is unknown.
  public static let invalidClientTokenId = Self(rawValue: "InvalidClientTokenId")
  /// The security token is invalid.
  public static let unrecognizedClient = Self(rawValue: "UnrecognizedClientException")
  /// The request was signed too far from the server's clock (corrected and retried once).
  public static let invalidSignature = Self(rawValue: "InvalidSignatureException")
  /// The request time is too skewed (corrected and retried once).
  public static let requestTimeTooSkewed = Self(rawValue: "RequestTimeTooSkewed")
  /// The signature has expired (corrected and retried once).
  public static let signatureExpired = Self(rawValue: "SignatureExpired")
  /// The credentials lack permission.
  public static let accessDenied = Self(rawValue: "AccessDeniedException")
  /// The session token has expired.
  public static let expiredToken = Self(rawValue: "ExpiredTokenException")
  /// An item collection grew past 10 GB.
  public static let itemCollectionSizeLimitExceeded = Self(rawValue: "ItemCollectionSizeLimitExceededException")
}
