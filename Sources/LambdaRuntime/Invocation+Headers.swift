import NIOHTTP1

extension Invocation {
  /// Reads a `/next` answer: the `Lambda-Runtime-*` headers and the event body.
  ///
  /// Separate from the connection so that every header Lambda (or anything posing as it) sends can be tested and
  /// fuzzed without a socket. Names match whatever their case, and the first of a repeated header counts.
  init(headers: HTTPHeaders, body: [UInt8]) throws(RuntimeAPIError) {
    // One pass over the answer instead of a scan per field: this runs on every invoke.
    var values = [String?](repeating: nil, count: Field.allCases.count)
    for (name, value) in headers {
      guard let field = Field(matching: name), values[field.rawValue] == nil else { continue }
      values[field.rawValue] = value
    }
    guard let requestId = values[Field.requestId.rawValue], !requestId.isEmpty else {
      throw .missingHeader(Field.requestId.name)
    }
    guard let deadline = values[Field.deadline.rawValue].flatMap({ Int64($0) }) else {
      throw .missingHeader(Field.deadline.name)
    }
    self.init(
      requestId: requestId,
      deadline: deadline,
      invokedFunctionArn: values[Field.functionArn.rawValue] ?? "",
      traceId: values[Field.traceId.rawValue],
      clientContext: values[Field.clientContext.rawValue],
      cognitoIdentity: values[Field.cognitoIdentity.rawValue],
      tenantId: values[Field.tenantId.rawValue],
      event: body
    )
  }

  /// The `/next` headers the runtime reads.
  private enum Field: Int, CaseIterable {
    case requestId, deadline, functionArn, traceId, clientContext, cognitoIdentity, tenantId

    var name: String {
      switch self {
      case .requestId: "Lambda-Runtime-Aws-Request-Id"
      case .deadline: "Lambda-Runtime-Deadline-Ms"
      case .functionArn: "Lambda-Runtime-Invoked-Function-Arn"
      case .traceId: "Lambda-Runtime-Trace-Id"
      case .clientContext: "Lambda-Runtime-Client-Context"
      case .cognitoIdentity: "Lambda-Runtime-Cognito-Identity"
      case .tenantId: "Lambda-Runtime-Aws-Tenant-Id"
      }
    }

    /// The field `headerName` names, compared as ASCII without regard to case.
    init?(matching headerName: String) {
      var headerName = headerName
      let found = headerName.withUTF8 { bytes -> Field? in
        for field in Field.allCases where Self.lowercasedNames[field.rawValue].count == bytes.count {
          let expected = Self.lowercasedNames[field.rawValue]
          var index = 0
          while index < bytes.count, Invocation.lowercased(bytes[index]) == expected[index] { index += 1 }
          if index == bytes.count { return field }
        }
        return nil
      }
      guard let found else { return nil }
      self = found
    }

    private static let lowercasedNames = allCases.map { Array($0.name.utf8).map(Invocation.lowercased) }
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
  }
}
