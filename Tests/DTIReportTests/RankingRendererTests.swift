import DTICore
import DTIReport
import Foundation
import TestSupport
import Testing

struct RankingRendererTests {
    /// Three units of 2022: Đà Nẵng as published (official), a synthetic unit with a missing
    /// value and a tie at 4 decimals, one without data, and a name that needs escaping.
    static func result() throws -> EditionResult {
        let nodes: [CatalogueNode] = [
            CatalogueNode(id: "dti", kind: .index, nameVI: "DTI", nameEN: "DTI", points: 1000),
            CatalogueNode(id: "government", kind: .pillar, nameVI: "CQS", nameEN: "Government", points: 700),
            CatalogueNode(id: "economy", kind: .pillar, nameVI: "KTS", nameEN: "Economy", points: 650),
            CatalogueNode(id: "society", kind: .pillar, nameVI: "XHS", nameEN: "Society", points: 650),
            CatalogueNode(
                id: "foundation", kind: .indicator, nameVI: "F", nameEN: "F", points: 500, countsIn: ["dti", "government", "economy", "society"]),
            CatalogueNode(id: "government_activity", kind: .indicator, nameVI: "g", nameEN: "g", points: 200, countsIn: ["dti", "government"]),
            CatalogueNode(id: "economy_activity", kind: .indicator, nameVI: "e", nameEN: "e", points: 150, countsIn: ["dti", "economy"]),
            CatalogueNode(id: "society_activity", kind: .indicator, nameVI: "s", nameEN: "s", points: 150, countsIn: ["dti", "society"]),
        ]
        let catalogue = try IndicatorCatalogue(framework: "dti-2022", title: "t", decision: "922/QĐ-BTTTT (20/5/2022)", sourceName: "t", nodes: nodes)
        let units = UnitSet(
            id: "vn63", label: "63 provinces (before 1 July 2025)",
            units: [
                AdministrativeUnit(code: "48", name: "Đà Nẵng", fullName: "Thành phố Đà Nẵng", nameEN: "Da Nang"),
                AdministrativeUnit(code: "27", name: "Bắc Ninh", fullName: "Tỉnh Bắc Ninh", nameEN: "Bac Ninh"),
                AdministrativeUnit(code: "31", name: "<script>alert(\"x\")</script> | Hải Phòng", fullName: "x", nameEN: "x"),
                AdministrativeUnit(code: "01", name: "Hà Nội", fullName: "Thành phố Hà Nội", nameEN: "Ha Noi"),
            ], regions: [])
        func rows(_ code: String, _ values: [String: Double], _ status: DataStatus) -> [Observation] {
            values.map {
                Observation(
                    year: 2022, unitCode: code, indicatorID: $0.key, value: $0.value, provenance: Provenance(file: "f.csv", line: 1, status: status))
            }
        }
        let observations =
            rows("48", ["foundation": 0.86636, "government_activity": 0.8575, "economy_activity": 0.7836, "society_activity": 0.5197], .official)
            + rows("27", ["foundation": 0.7, "government_activity": 0.6, "economy_activity": 0.5], .synthetic)
            + rows("31", ["foundation": 0.7, "government_activity": 0.6, "economy_activity": 0.5, "society_activity": 0.00001], .synthetic)
        return try EditionScoring.score(
            observations, edition: Edition(year: 2022, framework: "dti-2022", unitSet: "vn63"), catalogue: catalogue,
            registry: UnitRegistry([units]), in: "vn63")
    }

    @Test(arguments: RankingFormat.allCases)
    func eachFormatMatchesItsReviewedSnapshot(format: RankingFormat) throws {
        let view = RankingView(result: try Self.result())
        let fileExtension = ["table": "txt", "csv": "csv", "json": "json", "markdown": "md"][format.rawValue] ?? "txt"
        try assertSnapshot(format.render(view), named: "ranking-2022", extension: fileExtension)
    }

    @Test func jsonKeepsFullPrecisionAndParses() throws {
        let text = RankingFormat.json.render(RankingView(result: try Self.result()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(abs((rows.first?["dti"] as? Double ?? 0) - 0.800175) < 1e-12)
        #expect(rows.dropFirst().first?["dti"] as? Double == 0.545)  // full precision, not 0.5450
        #expect(rows.map { $0["rank"] as? Int } == [1, 2, 2, nil])
        #expect(object["synthetic"] as? Bool == true)
    }

    @Test func topKeepsEveryUnitTiedAtTheCutOff() throws {
        let view = RankingView(result: try Self.result(), top: 2)
        #expect(view.rows.map(\.unit.code) == ["48", "27", "31"])
    }

    @Test func rankingByAnIndicatorOrdersByIt() throws {
        let view = RankingView(result: try Self.result(), entryID: "society_activity")
        // Bắc Ninh's missing value counts as 0, and 0.00001 rounds to 0.0000: a tie listed by code.
        #expect(view.rows.map(\.unit.code) == ["48", "27", "31", "01"])
        #expect(view.rows.map { $0.ranks["society_activity"] } == [1, 2, 2, nil])
    }
}
