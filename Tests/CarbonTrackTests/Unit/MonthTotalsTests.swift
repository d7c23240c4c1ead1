import DynamoDB
import SharedSupport
import Testing

@testable import CarbonTrack

@Suite("Month totals items")
struct MonthTotalsTests {
  static let march = CivilDay(year: 2026, month: 3, day: 1)!

  static func item(_ attributes: Item) -> Item {
    attributes.merging(["userId": .s("u"), "timestamp": .s("totals#2026-03")]) { $1 }
  }

  @Test func readsEveryDayOfEveryCategoryExactly() throws {
    var attributes: Item = [:]
    var expected: [MonthTotals.DayTotal] = []
    for day in Int64(1)...31 {
      for (index, category) in EntryCategory.allCases.enumerated() {
        let micro = Int128(day) * 1_000_001 + Int128(index)
        attributes[MonthTotals.amountAttribute(category, day: day)] = .n(Kilograms.decimalString(micro: micro))
        attributes[MonthTotals.countAttribute(category, day: day)] = .number(Int(day) + index)
        expected.append(
          .init(
            day: CivilDay(year: 2026, month: 3, day: day)!, category: category, micro: micro,
            count: Int(day) + index))
      }
      attributes[MonthTotals.amountAttribute(nil, day: day)] = .n("0.5")
      attributes[MonthTotals.countAttribute(nil, day: day)] = .number(1)
    }
    let byCategory = MonthTotals.totals(in: Self.item(attributes), byCategory: true)
    #expect(Set(byCategory.map(Self.key)) == Set(expected.map(Self.key)))
    let byDay = MonthTotals.totals(in: Self.item(attributes), byCategory: false)
    #expect(byDay.count == 31)
    #expect(byDay.allSatisfy { $0.category == nil && $0.micro == 500_000 && $0.count == 1 })
  }

  @Test func namesThatOnlyLookLikeTotalsAreIgnored() {
    let names = [
      "kg_", "kg_1", "kg_001", "kg_ab", "kg__07", "kg_fuel_07", "kg_food07", "kgfood_07", "n_food_7", "kg_32",
      "kg_00", "x_food_07", "kg_food_07_", "kg_foodx_07", "n_", "n_0", "kg_Food_07", "timestamp", "userId",
    ]
    var attributes: Item = [:]
    for name in names { attributes[name] = .n("1") }
    attributes["kg_food_08"] = .s("1")
    #expect(MonthTotals.totals(in: Self.item(attributes), byCategory: true).isEmpty)
    #expect(MonthTotals.totals(in: Self.item(attributes), byCategory: false).isEmpty)
  }

  @Test func aDayTheMonthDoesNotHaveIsIgnored() {
    let item: Item = ["timestamp": .s("totals#2026-02"), "kg_30": .n("1"), "n_30": .n("1"), "kg_28": .n("2")]
    let totals = MonthTotals.totals(in: item, byCategory: false)
    #expect(
      totals == [.init(day: CivilDay(year: 2026, month: 2, day: 28)!, category: nil, micro: 2_000_000, count: 0)])
  }

  @Test func amountsBeyondAnyCapStillRead() {
    let item = Self.item(["kg_01": .n("9.9E+125"), "n_01": .n("99999999999999999999999"), "kg_02": .n("-1e-9")])
    let totals = MonthTotals.totals(in: item, byCategory: false).sorted { $0.day < $1.day }
    #expect(totals.map(\.micro) == [0, 0])
    #expect(totals.first?.count == Int.max)
  }

  static func key(_ total: MonthTotals.DayTotal) -> String {
    "\(total.day) \(total.category?.rawValue ?? "-") \(total.micro) \(total.count)"
  }
}
