import DTICore
import Testing

struct MergeTests {
    @Test func aMergedUnitScoresTheMeanOfItsMembersMainIndicators() throws {
        let catalogue = try Fixtures.catalogue2022()
        var bacGiang = Fixtures.daNang2022
        bacGiang = bacGiang.mapValues { $0 / 2 }
        let observations = Fixtures.observations(year: 2024, unit: "27", Fixtures.daNang2022)
            + Fixtures.observations(year: 2024, unit: "24", bacGiang)
        let edition = Edition(year: 2024, framework: "dti-2022", unitSet: "old")
        let result = try EditionScoring.score(observations, edition: edition, catalogue: catalogue, registry: Fixtures.registry(), in: "new")

        let merged = try #require(result.rows.first { $0.unit.code == "24" })
        #expect(merged.unit.name == "Bắc Ninh")
        #expect(abs(merged.values["awareness", default: 0] - 0.75) < 1e-12)
        // Scoring is linear, so the merged DTI is the mean of the members' DTIs here.
        #expect(abs(merged.values["dti", default: 0] - 0.800175 * 0.75) < 1e-12)
        #expect(merged.flags == [.merged(memberCodes: ["24", "27"], memberNames: ["Bắc Giang", "Bắc Ninh"])])
        #expect(result.notices.contains(.mergedUnits(from: "old", to: "new")))
    }

    @Test func aMembersMissingValueCountsAsZeroInTheMeanAndIsFlagged() throws {
        var bacGiang = Fixtures.daNang2022
        bacGiang["cybersecurity"] = nil
        let observations = Fixtures.observations(year: 2024, unit: "27", Fixtures.daNang2022)
            + Fixtures.observations(year: 2024, unit: "24", bacGiang)
        let edition = Edition(year: 2024, framework: "dti-2022", unitSet: "old")
        let result = try EditionScoring.score(observations, edition: edition, catalogue: try Fixtures.catalogue2022(), registry: Fixtures.registry(), in: "new")
        let merged = try #require(result.rows.first { $0.unit.code == "24" })
        #expect(abs(merged.values["cybersecurity", default: 0] - 0.7578 / 2) < 1e-12)
        #expect(merged.flags.contains(.memberMissingValue(indicatorID: "cybersecurity", memberCode: "24", memberName: "Bắc Giang")))
    }

    @Test func rankingInAnEarlierSetThanTheDataIsRefused() throws {
        let edition = Edition(year: 2025, framework: "dti-2022", unitSet: "new")
        #expect(throws: ScoringError.noCrosswalk(from: "new", to: "old")) {
            try EditionScoring.score([], edition: edition, catalogue: try Fixtures.catalogue2022(), registry: Fixtures.registry(), in: "old")
        }
    }
}
