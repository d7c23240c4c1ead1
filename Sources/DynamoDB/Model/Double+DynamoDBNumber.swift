extension Double {
  /// The text DynamoDB stores for this number (`N`): whole values below 10^15 without a fraction, others in the
  /// shortest text that reads back as the same `Double`. Callers reject non-finite values first.
  var dynamoDBNumberText: String {
    if self == rounded(), abs(self) < 1e15 {
      return String(Int64(self))
    }
    return "\(self)"
  }
}
