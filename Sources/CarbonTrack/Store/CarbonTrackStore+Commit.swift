import DynamoDB

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The idempotency record a write commits atomically with itself, made from the write's result (see
/// `IdempotencyRecord`).
package struct WriteReceipt: Sendable {
  let item: @Sendable (any Encodable) throws -> TransactWriteItem

  init(item: @escaping @Sendable (any Encodable) throws -> TransactWriteItem) {
    self.item = item
  }
}

/// A write refused by a condition that was not our own earlier commit.
enum WriteRefusal: Error, Equatable {
  /// The condition of the transaction's item at this index failed.
  case item(Int)
  /// The idempotency record exists already: another attempt with the same key got there first.
  case receiptTaken
}

extension CarbonTrackStore {
  /// A fresh token for one write: its `ClientRequestToken` (at most 36 characters) and the mark it leaves on the
  /// items it writes, by which a repeated attempt recognises that the first one committed.
  func writeToken() -> String { UUID().uuidString.lowercased() }

  /// `value`'s item carrying the write token (never part of the model; readers ignore it).
  func item(_ value: some Encodable, token: String) throws -> Item {
    var item = try encoder.encode(value)
    item[Self.writeTokenAttribute] = .s(token)
    return item
  }

  static let writeTokenAttribute = "writeToken"

  /// Commits `items` (plus the receipt's record, if any) in one transaction, exactly once.
  ///
  /// If a condition fails, the write may still be ours: the client retries an attempt whose answer was lost
  /// (moto, unlike DynamoDB, does not honour `ClientRequestToken`), and the retry then finds its own writes. So a
  /// refusal first looks for the token on the user item and on `written` (the item the write put); finding it
  /// means the first attempt committed, and the commit succeeds. Otherwise a refused update or check of the user
  /// item becomes its reason (missing, being deleted, or `userRefusal`), a refused record `.receiptTaken`, any
  /// other item `.item(index)`.
  func commit(
    _ items: [TransactWriteItem], token: String, userId: String, written: (table: String, key: Item)? = nil,
    receipt: WriteReceipt? = nil, result: any Encodable, userRefusal: CarbonTrackError? = nil
  ) async throws {
    var items = items
    if let receipt { items.append(try receipt.item(result)) }
    do {
      _ = try await client.transactWriteItems(TransactWriteItemsInput(transactItems: items, clientRequestToken: token))
    } catch let error as DynamoDBError where error.isConditionalCheckFailed {
      if try await carriesToken(tables.users, userKey(userId), token) { return }
      if let written, try await carriesToken(written.table, written.key, token) { return }
      let failed = error.cancellationCodes.firstIndex(of: .conditionalCheckFailed) ?? 0
      if receipt != nil, failed == items.count - 1 { throw WriteRefusal.receiptTaken }
      // An update or check of the user item guards the user's invariants; a put there is a create, refused as such.
      if items[failed].tableName == tables.users, items[failed].action != .put {
        throw try await whyUserRefused(userId, otherwise: userRefusal)
      }
      throw WriteRefusal.item(failed)
    }
  }

  private func carriesToken(_ table: String, _ key: Item, _ token: String) async throws -> Bool {
    let output = try await client.getItem(
      GetItemInput(
        tableName: table, key: key, consistentRead: true, projectionExpression: "#t, lastWriteToken",
        expressionAttributeNames: ["#t": Self.writeTokenAttribute]))
    let mark = AttributeValue.s(token)
    return output.item?[Self.writeTokenAttribute] == mark || output.item?["lastWriteToken"] == mark
  }

  /// The error for a refused user-item condition: the user is missing or being deleted, else `otherwise`.
  func whyUserRefused(_ userId: String, otherwise: CarbonTrackError?) async throws -> CarbonTrackError {
    do {
      _ = try await getUser(userId)
    } catch let error as CarbonTrackError {
      return error
    }
    return otherwise
      ?? .invalid(
        "kgCO2e",
        "would take the user's total over \(Kilograms.decimalString(Kilograms.maximumTotal)) kg, the most one "
          + "user's statistics may hold")
  }
}
