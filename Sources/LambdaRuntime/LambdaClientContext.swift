/// The client context a mobile SDK sends with an invocation (`Lambda-Runtime-Client-Context`).
public struct LambdaClientContext: Sendable, Hashable, Codable {
  /// Information about the calling application.
  public struct Client: Sendable, Hashable, Codable {
    /// The installation id of the app.
    public var installationId: String?
    /// The app's title.
    public var appTitle: String?
    /// The app's version name.
    public var appVersionName: String?
    /// The app's version code.
    public var appVersionCode: String?
    /// The app's package name.
    public var appPackageName: String?

    enum CodingKeys: String, CodingKey {
      case installationId = "installation_id"
      case appTitle = "app_title"
      case appVersionName = "app_version_name"
      case appVersionCode = "app_version_code"
      case appPackageName = "app_package_name"
    }
  }

  /// The calling application, if the SDK sent it.
  public var client: Client?
  /// Custom values set by the client application.
  public var custom: [String: String]?
  /// Environment values provided by the SDK.
  public var env: [String: String]?
}
