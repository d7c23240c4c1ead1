import HTTPConnection
import NIOCore
import NIOSSL

/// The TLS part of a connection's pipeline: swift-nio-ssl's client handler, then a handler that turns its
/// errors (untrusted certificate, wrong host name, failed handshake) into `HTTP1ConnectionError.tlsFailed`.
enum TLSSetup {
  static func pipelineSetup(context: NIOSSLContext, origin: HTTP1Origin) -> HTTP1Connection.PipelineSetup {
    // SNI carries names only; for an IP literal swift-nio-ssl checks the certificate's IP entries instead.
    let isIPLiteral = origin.host.contains(":") || origin.host.allSatisfy { $0.isNumber || $0 == "." }
    let serverName = isIPLiteral ? nil : origin.host
    let originText = origin.description
    return { pipeline in
      try pipeline.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
      try pipeline.addHandler(TLSErrorNaming(origin: originText))
    }
  }

  private final class TLSErrorNaming: ChannelInboundHandler {
    typealias InboundIn = NIOAny
    let origin: String

    init(origin: String) { self.origin = origin }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      if error is NIOSSLError || error is NIOSSLExtraError {
        context.fireErrorCaught(HTTP1ConnectionError.tlsFailed(origin: origin, reason: "\(error)"))
      } else {
        context.fireErrorCaught(error)
      }
    }
  }
}
