/// A request that can continue from a previous page's `lastEvaluatedKey`.
public protocol PaginatedInput: Sendable {
  /// Where the page starts.
  var exclusiveStartKey: Item? { get set }
}

/// One page of a paginated response.
public protocol PaginatedOutput: Sendable {
  /// The page's items.
  var items: [Item] { get }
  /// Where the next page starts; `nil` on the last page.
  var lastEvaluatedKey: Item? { get }
}

extension QueryInput: PaginatedInput {}
extension ScanInput: PaginatedInput {}
extension QueryOutput: PaginatedOutput {}

/// Pages of a query or scan as an `AsyncSequence`, following `LastEvaluatedKey` to the end or until `maxPages`.
public struct DynamoDBPaginator<Input: PaginatedInput, Output: PaginatedOutput>: AsyncSequence, Sendable {
  public typealias Element = Output
  let input: Input
  let maxPages: Int?
  let fetch: @Sendable (Input) async throws -> Output

  /// Pages of `input` from `fetch`, which answers one page request; for any source of pages, e.g. a test's script.
  public init(input: Input, maxPages: Int? = nil, fetch: @escaping @Sendable (Input) async throws -> Output) {
    self.input = input
    self.maxPages = maxPages
    self.fetch = fetch
  }

  /// Iterates pages.
  public struct AsyncIterator: AsyncIteratorProtocol {
    var next: Input?
    var pagesLeft: Int?
    let fetch: @Sendable (Input) async throws -> Output

    public mutating func next() async throws -> Output? {
      guard let input = next, pagesLeft ?? 1 > 0 else { return nil }
      let page = try await fetch(input)
      pagesLeft = pagesLeft.map { $0 - 1 }
      if let key = page.lastEvaluatedKey, !key.isEmpty {
        var following = input
        following.exclusiveStartKey = key
        next = following
      } else {
        next = nil
      }
      return page
    }
  }

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(next: input, pagesLeft: maxPages, fetch: fetch)
  }

  /// Every item of every page, in order.
  public func items() async throws -> [Item] {
    var all: [Item] = []
    for try await page in self { all += page.items }
    return all
  }
}

public typealias QueryPaginator = DynamoDBPaginator<QueryInput, QueryOutput>
public typealias ScanPaginator = DynamoDBPaginator<ScanInput, ScanOutput>

extension DynamoDBClient {
  /// All pages of a query, fetched lazily as you iterate.
  public func queryPaginator(_ input: QueryInput, maxPages: Int? = nil) -> QueryPaginator {
    QueryPaginator(input: input, maxPages: maxPages) { try await self.query($0) }
  }

  /// All pages of a scan, fetched lazily as you iterate.
  public func scanPaginator(_ input: ScanInput, maxPages: Int? = nil) -> ScanPaginator {
    ScanPaginator(input: input, maxPages: maxPages) { try await self.scan($0) }
  }
}
