import DynamoDB

extension CarbonTrackStore {
  /// Creates a user; `conflict` if the id is taken (or still being deleted).
  package func createUser(_ profile: UserProfile, receipt: WriteReceipt? = nil) async throws -> UserProfile {
    let token = writeToken()
    var item = try UserRecord.item(profile)
    item["lastWriteToken"] = .s(token)
    let put = TransactWriteItem.put(
      tableName: tables.users, item: item, conditionExpression: "attribute_not_exists(userId)")
    do {
      try await commit([put], token: token, userId: profile.userId, receipt: receipt, result: profile)
    } catch WriteRefusal.item(0) {
      let existing = try await client.getItem(
        GetItemInput(tableName: tables.users, key: userKey(profile.userId), consistentRead: true)
      ).item
      if existing?["deleting"] != nil {
        throw CarbonTrackError.conflict("User \(profile.userId) is being deleted; send DELETE again to finish.")
      }
      throw CarbonTrackError.conflict("User \(profile.userId) already exists.")
    }
    return profile
  }

  /// Reads a user (strongly consistent by default); `notFound` if absent or being deleted.
  package func getUser(_ userId: String, consistent: Bool = true) async throws -> UserProfile {
    let output = try await client.getItem(
      GetItemInput(tableName: tables.users, key: userKey(userId), consistentRead: consistent))
    guard let item = output.item else { throw CarbonTrackError.notFound("User \(userId) does not exist.") }
    if item["deleting"] != nil {
      throw CarbonTrackError.notFound("User \(userId) is being deleted; send DELETE again to finish.")
    }
    return try UserRecord.profile(item)
  }

  /// Applies a partial profile update; `notFound` if absent, `conflict` if `expectedVersion` is stale.
  ///
  /// The update is conditional on the version read, so its answer (the new profile) is known before it commits:
  /// an idempotency receipt can store it, and a lost answer can be recognised by the write token.
  package func updateUser(
    _ userId: String, _ update: UserUpdate, now: Timestamp = .now(), receipt: WriteReceipt? = nil
  ) async throws -> UserProfile {
    for attempt in 1...Self.maxOptimisticAttempts {
      let current = try await getUser(userId)
      if let expected = update.expectedVersion, expected != current.version {
        throw CarbonTrackError.conflict(
          "User \(userId) is at version \(current.version), not \(expected); re-read and retry.")
      }
      var updated = current
      updated.email = update.email ?? current.email
      updated.displayName = update.displayName ?? current.displayName
      updated.units = update.units ?? current.units
      updated.updatedAt = now
      // Wrapping, not trapping (see EntryUpdate.applied).
      updated.version = current.version &+ 1
      let token = writeToken()
      var write = UserItemUpdate(token: token)
      write.set("email", .s(updated.email))
      write.set("displayName", .s(updated.displayName))
      write.set("units", .s(updated.units.rawValue))
      write.set("updatedAt", .s(now.iso8601))
      write.set("version", .number(updated.version))
      write.require("#version = :read", names: ["#version": "version"], values: [":read": .number(current.version)])
      do {
        try await commit(
          [write.item(table: tables.users, key: userKey(userId))], token: token, userId: userId, receipt: receipt,
          result: updated, userRefusal: .conflict("User \(userId) changed while it was being updated."))
        return updated
      } catch CarbonTrackError.conflict where attempt < Self.maxOptimisticAttempts && update.expectedVersion == nil {
        try await backoff(attempt)
      }
    }
    throw CarbonTrackError.conflict("User \(userId) kept changing; re-read and retry.")
  }
}
