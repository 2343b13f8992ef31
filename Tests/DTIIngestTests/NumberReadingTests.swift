import DTICore
import DTIIngest
import Testing

struct NumberReadingTests {
    typealias Analysis = NumberReading.Analysis

    @Test(arguments: [
        ("0.8253", Analysis.decided(.point, 0.8253)),
        ("56,83", .decided(.comma, 56.83)),
        ("0,825", .decided(.comma, 0.825)),  // a leading 0 cannot be a thousands group
        ("1.417", .ambiguous(ifPoint: 1.417, ifComma: 1417)),
        ("5.700", .ambiguous(ifPoint: 5.7, ifComma: 5700)),
        ("1,417", .ambiguous(ifPoint: 1417, ifComma: 1.417)),
        ("1.350.000", .decided(.comma, 1_350_000)),
        ("1,350,000", .decided(.point, 1_350_000)),
        ("1.234,5", .decided(.comma, 1234.5)),
        ("1,234.5", .decided(.point, 1234.5)),
        ("1 350 000", .plain(1_350_000)),
        ("1\u{00A0}350\u{00A0}000", .plain(1_350_000)),
        ("97%", .plain(0.97)),
        ("56,83%", .decided(.comma, 0.5683)),
        ("60.63 %", .decided(.point, 0.6063)),
        ("1591/2003", .plain(1591.0 / 2003.0)),
        ("177", .plain(177)),
        ("-0.5", .decided(.point, -0.5)),
    ])
    func cellsAreAnalysedOnTheirOwn(text: String, expected: Analysis) {
        #expect(NumberReading.analyse(text) == expected)
    }

    @Test(arguments: ["abc", "nan", "inf", "1..2", "1,2,3", "12 34", "0x1A", "1.2.3,4,5", "", "5/0", "1.5e3,2"])
    func nonNumbersAreInvalid(text: String) {
        guard case .invalid = NumberReading.analyse(text) else {
            Issue.record("'\(text)' should be invalid, got \(NumberReading.analyse(text))")
            return
        }
    }

    @Test func aPercentageIsExactlyTheShare() throws {
        // 60.63 × 0.01 would be 0.6063000000000001 and differ from the same value written 0.6063.
        #expect(try NumberReading.value(NumberReading.analyse("60,63%"), mark: .comma).get() == 0.6063)
    }

    @Test func theFileConventionComesFromTheCellsThatProveOne() throws {
        let vietnamese = ["56,83", "1.417", "0,5"].map(NumberReading.analyse)
        #expect(NumberReading.convention(of: vietnamese) == .comma)
        #expect(try NumberReading.value(vietnamese[1], mark: .comma).get() == 1417)
        let english = ["0.8253", "1.417"].map(NumberReading.analyse)
        #expect(NumberReading.convention(of: english) == .point)
        #expect(try NumberReading.value(english[1], mark: .point).get() == 1.417)
        #expect(NumberReading.convention(of: ["1.417", "5.700", "12"].map(NumberReading.analyse)) == nil)
    }

    @Test func anAmbiguousCellWithoutAConventionIsAProblemNotAGuess() {
        #expect(NumberReading.value(NumberReading.analyse("1.417"), mark: nil) == .failure(.ambiguous(ifPoint: 1.417, ifComma: 1417)))
        #expect(NumberReading.value(NumberReading.analyse("56,83"), mark: .point) == .failure(.contradicts(cellMark: .comma, fileMark: .point)))
    }
}
