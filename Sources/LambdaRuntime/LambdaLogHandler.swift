import Logging
import SharedSupport

/// A swift-log handler writing Lambda-style lines unbuffered to stderr, as text or one JSON object per line.
public struct LambdaLogHandler: LogHandler {
  /// Metadata keys promoted to their own fields.
  static let requestIdKey = "requestId"
  static let traceIdKey = "traceId"

  /// The logger's label (written as `logger` in JSON lines).
  public let label: String
  /// Text or JSON lines.
  public let format: LogFormat
  /// The minimum level written.
  public var logLevel: Logger.Level
  /// Metadata attached to every line from this handler.
  public var metadata: Logger.Metadata = [:]
  /// Optional contextual metadata source.
  public var metadataProvider: Logger.MetadataProvider?

  /// Creates a handler.
  public init(label: String, format: LogFormat, level: Logger.Level) {
    self.label = label
    self.format = format
    self.logLevel = level
  }

  /// Creates a handler configured from `AWS_LAMBDA_LOG_FORMAT` and `AWS_LAMBDA_LOG_LEVEL`.
  public init(label: String, environment: [String: String]) {
    self.init(
      label: label,
      format: LogFormat(environmentValue: environment["AWS_LAMBDA_LOG_FORMAT"]),
      level: LogLevelSetting.level(from: environment["AWS_LAMBDA_LOG_LEVEL"]) ?? .info
    )
  }

  /// Reads or writes one metadata value.
  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  /// Formats and writes one line.
  public func log(event: LogEvent) {
    var merged = metadata
    if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    let line =
      switch format {
      case .text: textLine(event, merged)
      case .json: jsonLine(event, merged)
      }
    StandardError.write(line: line)
  }

  func textLine(_ event: LogEvent, _ metadata: Logger.Metadata) -> [UInt8] {
    var others: [(key: String, value: String)] = []
    for (key, value) in metadata where key != Self.requestIdKey && key != Self.traceIdKey {
      others.append((key, Self.text(of: value)))
    }
    others.sort { $0.key < $1.key }
    return TextLogLine.render(
      timestamp: ISO8601Instant.now(), requestId: metadata[Self.requestIdKey].map(Self.text(of:)) ?? "-",
      level: LogLevelSetting.name(of: event.level), message: event.message.description, metadata: others)
  }

  /// A metadata value as text; a plain string is used as it is, without going through interpolation.
  private static func text(of value: Logger.Metadata.Value) -> String {
    switch value {
    case .string(let text): text
    case .stringConvertible(let convertible): convertible.description
    case .array, .dictionary: value.description
    }
  }

  func jsonLine(_ event: LogEvent, _ metadata: Logger.Metadata) -> [UInt8] {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("timestamp", ISO8601Instant.now())
    writer.member("level", LogLevelSetting.name(of: event.level))
    writer.member("message", event.message.description)
    writer.member("logger", label)
    for key in [Self.requestIdKey, Self.traceIdKey] {
      if let value = metadata[key] { writer.member(key, Self.text(of: value)) }
    }
    for (key, value) in metadata.sorted(by: { $0.key < $1.key })
    where key != Self.requestIdKey && key != Self.traceIdKey && !Self.reserved.contains(key) {
      writer.key(key)
      writer.metadataValue(value)
    }
    writer.endObject()
    var bytes = writer.bytes
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }

  /// Fields the handler writes itself; metadata cannot overwrite them.
  private static let reserved: Set<String> = ["timestamp", "level", "message", "logger"]
}

extension JSONWriter {
  mutating func metadataValue(_ value: Logger.Metadata.Value) {
    switch value {
    case .string(let text): string(text)
    case .stringConvertible(let convertible): string(convertible.description)
    case .array(let values):
      beginArray()
      for element in values { metadataValue(element) }
      endArray()
    case .dictionary(let entries):
      beginObject()
      for (key, element) in entries.sorted(by: { $0.key < $1.key }) {
        self.key(key)
        metadataValue(element)
      }
      endObject()
    }
  }
}
