import Foundation

/// One folder of AWS's SigV4 test suite, loaded from disk.
struct SigV4SuiteCase {
  struct Context: Decodable {
    struct Keys: Decodable {
      let accessKeyId: String
      let secretAccessKey: String
      let token: String?
    }
    let credentials: Keys
    let expirationInSeconds: Int?
    let normalize: Bool
    let region: String
    let service: String
    let signBody: Bool
    let timestamp: String
    let omitSessionToken: Bool?
  }

  let name: String
  let directory: URL
  let context: Context
  let request: RawHTTPRequest

  init(directory: URL) throws {
    self.directory = directory
    name = directory.lastPathComponent
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    context = try decoder.decode(Context.self, from: Data(contentsOf: directory.appending(path: "context.json")))
    request = try RawHTTPRequest(parsing: String(contentsOf: directory.appending(path: "request.txt"), encoding: .utf8))
  }

  func expected(_ file: String) throws -> String {
    try String(contentsOf: directory.appending(path: file), encoding: .utf8)
  }

  /// The suite folder: `SIGV4_SUITE_DIR` when set, else the copy bundled with the tests.
  static func suiteDirectory() -> URL? {
    if let path = ProcessInfo.processInfo.environment["SIGV4_SUITE_DIR"], !path.isEmpty {
      return URL(filePath: path)
    }
    return Bundle.module.resourceURL?.appending(path: "sigv4-vectors")
  }

  /// Case names to skip, with the reason, from `sigv4-skip.txt`.
  static func skips() throws -> [String: String] {
    guard let url = Bundle.module.url(forResource: "sigv4-skip", withExtension: "txt") else { return [:] }
    var skips: [String: String] = [:]
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2 { skips[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
    }
    return skips
  }

  /// Every case folder in `directory`. A folder without its `context.json`, or a directory with no case at all,
  /// is an error: a suite that lost its files must fail, not pass on what is left.
  static func loadAll(from directory: URL) throws -> [SigV4SuiteCase] {
    let entries = try FileManager.default.contentsOfDirectory(
      at: directory, includingPropertiesForKeys: [.isDirectoryKey])
    let folders = try entries.filter { try $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true }
    guard !folders.isEmpty else { throw SuiteError.noCases(directory.path) }
    return try folders.sorted { $0.lastPathComponent < $1.lastPathComponent }.map(SigV4SuiteCase.init(directory:))
  }

  enum SuiteError: Error, CustomStringConvertible {
    case noCases(String)

    var description: String {
      switch self {
      case .noCases(let path): "The SigV4 suite directory \(path) holds no case folders."
      }
    }
  }
}
