import DTICore
import Testing

struct MergeTests {
    @Test func aMergedUnitScoresTheMeanOfItsMembersMainIndicators() throws {
        let catalogue = try Fixtures.catalogue2022()
        var bacGiang = Fixtures.daNang2022
        bacGiang = bacGiang.mapValues { $0 / 2 }
        let observations =
            Fixtures.observations(year: 2024, unit: "27", Fixtures.daNang2022)
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
        let observations =
            Fixtures.observations(year: 2024, unit: "27", Fixtures.daNang2022)
            + Fixtures.observations(year: 2024, unit: "24", bacGiang)
        let edition = Edition(year: 2024, framework: "dti-2022", unitSet: "old")
        let result = try EditionScoring.score(
            observations, edition: edition, catalogue: try Fixtures.catalogue2022(), registry: Fixtures.registry(), in: "new")
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

/// Unscored entries (smart city, 0 points) in merged units behave as in the unit's own set:
/// without a value they are neither shown nor ranked.
struct MergedUnscoredEntryTests {
    static func merged(bacGiangSmartCity: Double?, bacNinhSmartCity: Double?) throws -> EditionResult {
        var bacGiang = Fixtures.daNang2022
        var bacNinh = Fixtures.daNang2022
        bacGiang["smart_city"] = bacGiangSmartCity
        bacNinh["smart_city"] = bacNinhSmartCity
        let observations =
            Fixtures.observations(year: 2024, unit: "27", bacNinh)
            + Fixtures.observations(year: 2024, unit: "24", bacGiang)
            + Fixtures.observations(year: 2024, unit: "48", Fixtures.daNang2022)
        let edition = Edition(year: 2024, framework: "dti-2022", unitSet: "old")
        return try EditionScoring.score(
            observations, edition: edition, catalogue: try Fixtures.catalogue2022(), registry: Fixtures.registry(), in: "new")
    }

    @Test func anUnscoredEntryNoMemberGaveHasNoValueAndNoRank() throws {
        let result = try Self.merged(bacGiangSmartCity: nil, bacNinhSmartCity: nil)
        for row in result.rows {
            #expect(row.values["smart_city"] == nil, "\(row.unit.name) shows smart_city \(row.values["smart_city"] ?? 0)")
            #expect(row.ranks["smart_city"] == nil)
        }
        // The scored entries are still merged and ranked.
        #expect(result.rows.allSatisfy { $0.ranks["dti"] != nil })
    }

    @Test func anUnscoredEntryIsTheMeanOfTheMembersThatGaveIt() throws {
        let result = try Self.merged(bacGiangSmartCity: 0.6, bacNinhSmartCity: nil)
        let bacNinh = try #require(result.rows.first { $0.unit.code == "24" })
        #expect(bacNinh.values["smart_city"] == 0.6)
        #expect(bacNinh.ranks["smart_city"] == 1)
        let daNang = try #require(result.rows.first { $0.unit.code == "48" })
        #expect(daNang.values["smart_city"] == nil && daNang.ranks["smart_city"] == nil)
        // It weighs nothing, so it moves no score: the same DTI as without it.
        let without = try Self.merged(bacGiangSmartCity: nil, bacNinhSmartCity: nil)
        #expect(bacNinh.values["dti"] == without.rows.first { $0.unit.code == "24" }?.values["dti"])

        let both = try Self.merged(bacGiangSmartCity: 0.6, bacNinhSmartCity: 0.2)
        #expect(abs((both.rows.first { $0.unit.code == "24" }?.values["smart_city"] ?? 0) - 0.4) < 1e-12)
    }
}
