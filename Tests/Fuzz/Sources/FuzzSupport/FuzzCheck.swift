/// Invariant checks inside fuzz targets.
///
/// A broken invariant must stop the process the way a trap does: libFuzzer then saves the input as a
/// `crash-<sha1>` reproducer, and the message names what was wrong with it.
public enum FuzzCheck {
  /// Stops the process with `message` unless `condition` holds.
  public static func require(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
  ) {
    guard !condition else { return }
    fatalError("fuzz invariant broken: \(message())", file: file, line: line)
  }
}
