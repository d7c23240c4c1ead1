import LambdaEvents
import Testing

@testable import CarbonTrack

@Suite struct CORSPolicyTests {
  @Test func originsAreParsedAndBadOnesRefused() throws {
    #expect(try CORSPolicy(environmentValue: nil).allowedOrigins == [])
    #expect(
      try CORSPolicy(environmentValue: " https://a.example , http://localhost:3000 ").allowedOrigins == [
        "https://a.example", "http://localhost:3000",
      ])
    #expect(try CORSPolicy(environmentValue: "https://a.example,*").allowedOrigins == ["*"])
    for bad in ["a.example", "https://a.example/path", "ftp://a.example", "https://", "https://a b"] {
      #expect(throws: ConfigurationError.self) { try CORSPolicy(environmentValue: bad) }
    }
  }

  @Test func anyOriginMeansStarWithoutVary() throws {
    let policy = try CORSPolicy(environmentValue: "*")
    let preflight = policy.preflight(origin: "https://x.example", methods: ["GET"])
    #expect(preflight.headers["access-control-allow-origin"] == "*")
    #expect(preflight.headers["vary"] == nil)
    #expect(policy.decorate(APIGatewayResponse(statusCode: 200), origin: nil).headers.isEmpty)
  }
}
