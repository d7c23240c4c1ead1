import Foundation
import HTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import SigV4
import Testing

/// A moto server of our own on a free loopback port, for tests that change server-wide settings (IAM enforcement)
/// and so must not share the suite-wide server.
final class PrivateMotoServer: Sendable {
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { "\($0)/moto_server" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  let endpoint: String
  private let process: Process

  private init(endpoint: String, process: Process) {
    self.endpoint = endpoint
    self.process = process
  }

  /// Starts moto, runs `body`, stops moto.
  static func run(_ body: (PrivateMotoServer) async throws -> Void) async throws {
    let executable = try #require(executable, "moto_server must be on PATH (pip install 'moto[server]')")
    let port = try await freePort()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let server = PrivateMotoServer(endpoint: "http://127.0.0.1:\(port)", process: process)
    defer {
      // moto_server ignores SIGTERM, so stop it for sure.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try await server.waitUntilUp()
    try await body(server)
  }

  private static func freePort() async throws -> Int {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .bind(host: "127.0.0.1", port: 0).get()
    let port = try #require(channel.localAddress?.port)
    try await channel.close()
    return port
  }

  private func waitUntilUp() async throws {
    for _ in 0..<100 {
      if (try? await request(method: .GET, path: "/", body: "", headers: [:]))?.status == 200 { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("moto_server did not start at \(endpoint)")
  }

  /// One plain HTTP request to the server.
  func request(method: HTTPMethod, path: String, body: String, headers: [String: String]) async throws
    -> (status: Int, body: String)
  {
    let response = try await HTTP1Client.shared.execute(
      method, url: endpoint + path, headers: HTTPHeaders(headers.map { ($0.key, $0.value) }), body: Array(body.utf8),
      timeout: .seconds(10))
    return (response.status, String(decoding: response.body, as: UTF8.self))
  }

  /// Calls an IAM Query API action, signed with the bootstrap test credentials.
  func iam(_ action: String, _ parameters: [String: String]) async throws -> String {
    var form = ["Action": action, "Version": "2010-05-08"]
    form.merge(parameters) { $1 }
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let body = form.sorted { $0.key < $1.key }
      .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
      .joined(separator: "&")
    let headers: [(name: String, value: String)] = [("Content-Type", "application/x-www-form-urlencoded")]
    let signing = try SigV4Signer(region: "us-east-1", service: "iam").signingHeaders(
      method: "POST", url: endpoint + "/", headers: headers, payload: .bytes(Array(body.utf8)),
      credentials: Credentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "bootstrap"))
    var all: [String: String] = [:]
    for header in headers + signing { all[header.name] = header.value }
    let response = try await request(method: .POST, path: "/", body: body, headers: all)
    #expect(response.status == 200, "IAM \(action) failed: \(response.body)")
    return response.body
  }

  /// The text of the first `<name>` element.
  static func element(_ name: String, in xml: String) -> String? {
    guard let start = xml.range(of: "<\(name)>"),
      let end = xml.range(of: "</\(name)>", range: start.upperBound..<xml.endIndex)
    else { return nil }
    return String(xml[start.upperBound..<end.lowerBound])
  }
}
