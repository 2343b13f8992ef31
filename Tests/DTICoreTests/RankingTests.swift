import DTICore
import Testing

struct RankingTests {
    @Test func valuesEqualAtFourDecimalsShareARankAndTheNextIsSkipped() {
        // 0.48801 and 0.48799 both publish as 0.4880: like 2021's two 12th places.
        let ranks = CompetitionRanking.ranks([
            (key: "a", value: 0.5), (key: "b", value: 0.48801), (key: "c", value: 0.48799), (key: "d", value: 0.4),
        ])
        #expect(ranks == ["a": 1, "b": 2, "c": 2, "d": 4])
    }

    @Test func valuesThatDifferAtFourDecimalsDoNotTie() {
        let ranks = CompetitionRanking.ranks([(key: "a", value: 0.48805), (key: "b", value: 0.48804)])
        #expect(ranks == ["a": 1, "b": 2])
    }

    /// The positional ranks are the keyed ranks, ties at four decimals included.
    @Test func ranksInOrderAreTheKeyedRanks() {
        var state: UInt64 = 14
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for size in [0, 1, 2, 63, 500] {
            // Values on and next to .00005 boundaries, so many tie at four decimals.
            let values = (0..<size).map { _ in Double(next() % 200) / 2_000 + (next() % 3 == 0 ? 0.00005 : 0) }
            let keyed = CompetitionRanking.ranks(values.enumerated().map { (key: $0.offset, value: $0.element) })
            #expect(CompetitionRanking.ranks(of: values) == values.indices.map { keyed[$0] ?? 0 }, "\(size) values")
        }
        // Negative values, and values too large to share 64 bits with a position (the general path).
        for scale in [-1.0, 1e15] {
            let values = (0..<300).map { _ in (Double(next() % 200) - 100) / 2_000 * scale }
            let keyed = CompetitionRanking.ranks(values.enumerated().map { (key: $0.offset, value: $0.element) })
            #expect(CompetitionRanking.ranks(of: values) == values.indices.map { keyed[$0] ?? 0 }, "scale \(scale)")
        }
    }

    @Test(arguments: [
        (0.800175, "0.8002"), (0.0, "0.0000"), (1.0, "1.0000"), (0.48795, "0.4880"), (0.123449, "0.1234"), (-0.00004, "0.0000"),
    ])
    func displayRoundsHalfAwayFromZeroToFourDecimals(value: Double, expected: String) {
        #expect(PublishedPrecision.format(value) == expected)
    }

    @Test func vietnameseDisplayUsesADecimalComma() {
        #expect(PublishedPrecision.format(0.800175, decimalSeparator: ",") == "0,8002")
    }

    @Test func tiedRowsAreListedByCodeAndUnrankedRowsLast() throws {
        let registry = Fixtures.registry()
        let edition = Edition(year: 2022, framework: "dti-2022", unitSet: "old")
        var tied = Fixtures.daNang2022
        tied["awareness"] = 0.99995  // DTI lower by 0.00000005: same at 4 decimals
        let observations =
            Fixtures.observations(year: 2022, unit: "48", Fixtures.daNang2022)
            + Fixtures.observations(year: 2022, unit: "27", tied)
        let result = try EditionScoring.score(observations, edition: edition, catalogue: try Fixtures.catalogue2022(), registry: registry, in: "old")
        #expect(result.rows.map(\.unit.code) == ["27", "48", "24"])
        #expect(result.rows.map { $0.ranks["dti"] } == [1, 1, nil])
        #expect(result.rows[2].flags == [.noData])
    }
}
