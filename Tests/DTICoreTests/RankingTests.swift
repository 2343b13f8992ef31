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
