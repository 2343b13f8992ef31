import DTICore
import Foundation
import Testing

@testable import DTIAnalysis

/// Methods of one's own, against values worked out by hand on three provinces of the 2022
/// framework (five 100-point foundations, government activity 200, economy and society activity
/// 150 each): Hà Nội at 0.8 everywhere; Bắc Ninh at 0.5 but 1.0 for government activity; Đà Nẵng at 0.6.
struct ScenarioTests {
    static let ids = [
        "awareness", "institutions", "infrastructure", "human_resources", "cybersecurity", "government_activity", "economy_activity",
        "society_activity",
    ]

    static func result() throws -> EditionResult {
        var csv = "province,year,indicator,value\n"
        for (unit, value) in [("Hà Nội", 0.8), ("Bắc Ninh", 0.5), ("Đà Nẵng", 0.6)] {
            for id in ids { csv += "\(unit),2022,\(id),\(unit == "Bắc Ninh" && id == "government_activity" ? 1.0 : value)\n" }
        }
        return try SampleEdition.result(2022, csv: csv)
    }

    /// The index and rank of each of the three provinces (01 Hà Nội, 27 Bắc Ninh, 48 Đà Nẵng).
    static func scored(_ scenario: Scenario) throws -> [String: (value: Double, rank: Int)] {
        let result = try scenario.apply(to: try Self.result())
        var scored: [String: (Double, Int)] = [:]
        for row in result.rows where row.isRanked { scored[row.unit.code] = (row.values["dti"] ?? .nan, row.ranks["dti"] ?? 0) }
        return scored
    }

    static func expect(_ scored: [String: (value: Double, rank: Int)], _ expected: [String: (Double, Int)]) {
        for (code, (value, rank)) in expected {
            #expect(abs((scored[code]?.value ?? .nan) - value) < 1e-12, "\(code): \(scored[code]?.value ?? .nan) ≠ \(value)")
            #expect(scored[code]?.rank == rank, "\(code)")
        }
    }

    @Test func theOfficialMethodChangesNothingAndTiesShareARank() throws {
        let official = try Self.result()
        #expect(try Scenario().apply(to: official).rows.map(\.values) == official.rows.map(\.values))
        // Bắc Ninh 0.5 + 0.2 × 0.5 = 0.6 ties Đà Nẵng.
        Self.expect(try Self.scored(Scenario(normalisation: .official)), ["01": (0.8, 1), "27": (0.6, 2), "48": (0.6, 2)])
    }

    @Test func otherPointsReweightAndRescaleToTheSameTotal() throws {
        // Government activity 400 of 1,200: weight 1/3; the rest 800/1,200 = 2/3.
        let scored = try Self.scored(Scenario(points: ["government_activity": 400]))
        Self.expect(scored, ["01": (0.8, 1), "27": (2.0 / 3 * 0.5 + 1.0 / 3, 2), "48": (0.6, 3)])
    }

    @Test func aGeometricMeanPunishesAWeakIndicator() throws {
        // Bắc Ninh: 0.5^0.8 × 1^0.2 = 0.574349…, now behind Đà Nẵng.
        let scored = try Self.scored(Scenario(aggregation: .geometric))
        Self.expect(scored, ["01": (0.8, 1), "48": (0.6, 2), "27": (pow(0.5, 0.8), 3)])
    }

    @Test func eachNormalisationByHand() throws {
        // Min-max: Hà Nội 0.8 × 1 + 0.2 × 0.5; Bắc Ninh 0.2 × 1; Đà Nẵng 0.8 × 1/3.
        Self.expect(try Self.scored(Scenario(normalisation: .minmax)), ["01": (0.9, 1), "48": (0.8 / 3, 2), "27": (0.2, 3)])
        // Percentile ranks: the foundations and the activities 1, 0, 0.5; government activity 0.5, 1, 0.
        Self.expect(try Self.scored(Scenario(normalisation: .rank)), ["01": (0.9, 1), "48": (0.4, 2), "27": (0.2, 3)])
        // Z-scores (n − 1): 0.8, 0.5, 0.6 have mean 1.9/3 and deviation √(0.07/3 ÷ … ); government activity mean 0.8, deviation 0.2.
        let mean = 1.9 / 3
        let deviation = (((0.8 - mean) * (0.8 - mean) + (0.5 - mean) * (0.5 - mean) + (0.6 - mean) * (0.6 - mean)) / 2).squareRoot()
        let z = { (value: Double) in (value - mean) / deviation }
        Self.expect(
            try Self.scored(Scenario(normalisation: .zscore)),
            ["01": (0.8 * z(0.8), 1), "48": (0.8 * z(0.6) - 0.2, 2), "27": (0.8 * z(0.5) + 0.2, 3)])
    }

    @Test func badScenariosAreOneSentenceEach() throws {
        let result = try Self.result()
        let matrix = try IndexMatrix(result)
        #expect(throws: Scenario.Problem.unknownElement("awarenes", known: Self.ids)) { try Scenario(points: ["awarenes": 1]).factors(for: matrix) }
        #expect(throws: Scenario.Problem.negativePoints("awareness", -1)) { try Scenario(points: ["awareness": -1]).factors(for: matrix) }
        #expect(throws: Scenario.Problem.noPoints) {
            try Scenario(points: Dictionary(uniqueKeysWithValues: Self.ids.map { ($0, 0) })).factors(for: matrix)
        }
        #expect(throws: Scenario.Problem.zscoreWithGeometric) { try Scenario(aggregation: .geometric, normalisation: .zscore).factors(for: matrix) }
        #expect(Scenario.Problem.unknownElement("awarenes", known: Self.ids).description.hasSuffix("Did you mean 'awareness'?"))
    }

    @Test func officialPointsGivenAgainAreTheOfficialMethod() throws {
        let official = try Self.result()
        let again = try Scenario(points: ["government_activity": 200, "Nhận thức số": 100]).apply(to: official)
        #expect(again.customMethod == nil)
        #expect(again.notices == official.notices)
        for (row, officialRow) in zip(again.rows, official.rows) { #expect(row.values == officialRow.values && row.ranks == officialRow.ranks) }
        let moved = try Scenario(points: ["government_activity": 200, "awareness": 50]).apply(to: official)
        #expect(moved.customMethod == "--weights awareness=50")
    }

    @Test func elementsCanBeGivenByTheirNames() throws {
        let byID = try Self.scored(Scenario(points: ["government_activity": 400]))
        for name in ["Hoạt động chính quyền số", "hoat dong chinh quyen so", "Digital-government activity"] {
            let byName = try Scenario(points: [name: 400]).apply(to: try Self.result())
            #expect(byName.notices.first == .customMethod("--weights government_activity=400"), "\(name)")
            for row in byName.rows where row.isRanked { #expect(row.values["dti"] == byID[row.unit.code]?.value, "\(name)") }
        }
        let matrix = try IndexMatrix(try Self.result())
        #expect(throws: Scenario.Problem.givenTwice("government_activity")) {
            try Scenario(points: ["government_activity": 1, "Hoạt động chính quyền số": 2]).factors(for: matrix)
        }
    }

    @Test func theResultSaysItIsNotTheOfficialMethod() throws {
        let result = try Scenario(points: ["government_activity": 400], aggregation: .geometric).apply(to: try Self.result())
        #expect(result.notices.first == .customMethod("--weights government_activity=400 --aggregation geometric"))
        #expect(result.notices.first?.message.hasPrefix("NOT THE OFFICIAL METHOD") == true)
    }
}
