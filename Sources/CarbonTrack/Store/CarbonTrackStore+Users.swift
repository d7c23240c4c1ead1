import DynamoDB

extension CarbonTrackStore {
  /// Creates a user; `conflict` if the id is taken.
  public func createUser(_ profile: UserProfile) async throws -> UserProfile {
    guard try await putNew(try UserRecord.item(profile), into: tables.users) else {
      throw CarbonTrackError.conflict("User \(profile.userId) already exists.")
    }
    return profile
  }

  /// Reads a user (strongly consistent by default); `notFound` if absent.
  public func getUser(_ userId: String, consistent: Bool = true) async throws -> UserProfile {
    let output = try await client.getItem(
      GetItemInput(tableName: tables.users, key: userKey(userId), consistentRead: consistent))
    guard let item = output.item else { throw CarbonTrackError.notFound("User \(userId) does not exist.") }
    return try UserRecord.profile(item)
  }

  /// Applies a partial profile update; `notFound` if absent, `conflict` if `expectedVersion` is stale.
  public func updateUser(_ userId: String, _ update: UserUpdate, now: Timestamp = .now()) async throws -> UserProfile {
    var sets = ["updatedAt = :now", "#version = #version + :one"]
    var names = ["#version": "version"]
    var values: Item = [":now": .s(now.iso8601), ":one": 1]
    if let email = update.email {
      sets.append("email = :email")
      values[":email"] = .s(email)
    }
    if let displayName = update.displayName {
      sets.append("displayName = :name")
      values[":name"] = .s(displayName)
    }
    if let units = update.units {
      sets.append("#units = :units")
      names["#units"] = "units"
      values[":units"] = .s(units.rawValue)
    }
    var condition = "attribute_exists(userId)"
    if let expected = update.expectedVersion {
      condition += " AND #version = :expected"
      values[":expected"] = .number(expected)
    }
    do {
      let output = try await client.updateItem(
        UpdateItemInput(
          tableName: tables.users, key: userKey(userId), updateExpression: "SET " + sets.joined(separator: ", "),
          conditionExpression: condition, expressionAttributeNames: names, expressionAttributeValues: values,
          returnValues: .allNew))
      guard let item = output.attributes else { return try await getUser(userId) }
      return try UserRecord.profile(item)
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      let current = try await getUser(userId)
      throw CarbonTrackError.conflict(
        "User \(userId) is at version \(current.version), not \(update.expectedVersion ?? 0); re-read and retry.")
    }
  }
}
