import Testing

@testable import DynamoDB
