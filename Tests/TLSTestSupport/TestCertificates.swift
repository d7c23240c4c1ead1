import Foundation
import NIOSSL

/// A throwaway CA and a server certificate it signed for `subjectAltName`, made with `openssl`; shared by the
/// HTTP client's TLS tests and the DynamoDB client's test over TLS.
public struct TestCertificates: Sendable {
  public let caCertificate: NIOSSLCertificate
  public let serverContext: NIOSSLContext

  public static func make(subjectAltName: String = "DNS:localhost,IP:127.0.0.1") throws -> TestCertificates {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keepalive-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = { (name: String) in directory.appendingPathComponent(name).path }
    try "subjectAltName=\(subjectAltName)\nbasicConstraints=CA:FALSE\n".write(
      toFile: path("server.ext"), atomically: true, encoding: .utf8)
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    try openssl(
      ["req", "-x509"] + ec + [
        "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=HTTPClient test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      ])
    try openssl(["req"] + ec + ["-keyout", path("server.key"), "-out", path("server.csr"), "-subj", "/CN=localhost"])
    try openssl([
      "x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
      "-CAcreateserial", "-out", path("server.pem"), "-days", "2", "-extfile", path("server.ext"),
    ])
    var server = TLSConfiguration.makeServerConfiguration(
      certificateChain: try NIOSSLCertificate.fromPEMFile(path("server.pem")).map { .certificate($0) },
      privateKey: .privateKey(try NIOSSLPrivateKey(file: path("server.key"), format: .pem)))
    server.minimumTLSVersion = .tlsv12
    return TestCertificates(
      caCertificate: try NIOSSLCertificate.fromPEMFile(path("ca.pem"))[0],
      serverContext: try NIOSSLContext(configuration: server))
  }

  private static func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments[0]) failed"])
    }
  }
}
