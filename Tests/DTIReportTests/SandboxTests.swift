import DTIAnalysis
import DTICore
import DTIReport
import Foundation
import Testing

/// The national page's sandbox: the figures its script reads are the edition's own (the browser
/// check in CI, `.ci/sandbox-check.py`, runs the script and compares it with `dti rank`).
struct SandboxTests {
    /// The JSON the page's script reads. (`JSONDecoder`, not `JSONSerialization`: on Linux the
    /// latter reads 0.8001750000000001 as 0.8001750000000003, where browsers read it exactly.)
    struct Data: Decodable {
        struct Element: Decodable {
            let id: String
            let points: Double
            let weight: Double
        }
        struct Unit: Decodable {
            let code: String
            let name: String
            let page: String
            let officialRank: Int
            let officialScore: Double
            let shares: [Double]
            let missing: [Int]

            init(from decoder: any Decoder) throws {
                var fields = try decoder.unkeyedContainer()
                code = try fields.decode(String.self)
                name = try fields.decode(String.self)
                page = try fields.decode(String.self)
                officialRank = try fields.decode(Int.self)
                officialScore = try fields.decode(Double.self)
                shares = try fields.decode([Double].self)
                missing = try fields.decode([Int].self)
            }
        }
        let elements: [Element]
        let decimal: String
        let units: [Unit]
    }

    static func data(_ html: String) throws -> Data {
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"sandbox-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        return try JSONDecoder().decode(Data.self, from: Foundation.Data(html[open.upperBound..<close.lowerBound].utf8))
    }

    @Test(arguments: ReportLanguage.allCases)
    func theNationalPageCarriesEveryRankedUnitsShares(language: ReportLanguage) throws {
        let input = try ReportTests.input(language)
        let html = HTMLReportRenderer.render(ReportPages(input).national(), language: language)
        #expect(html.contains(language == .vi ? "Tự điều chỉnh trọng số" : "Try your own weights"))
        #expect(html.contains(language == .vi ? "KHÔNG PHẢI PHƯƠNG PHÁP CHÍNH THỨC" : "NOT THE OFFICIAL METHOD"))
        let data = try Self.data(html)
        let matrix = try IndexMatrix(input.result)
        #expect(data.elements.map(\.id) == matrix.elements.map(\.id))
        #expect(data.elements.map(\.weight) == matrix.weights)
        #expect(data.units.count == matrix.units.count)
        for (index, unit) in data.units.enumerated() {
            #expect(unit.code == matrix.units[index].code)
            #expect(unit.page == "profile-\(unit.code)")
            #expect(unit.officialRank == matrix.nominalRanks[index])
            // Full precision: the script must score exactly what `dti rank` scores.
            #expect(unit.officialScore == matrix.nominalIndex[index])
            #expect(unit.shares == (0..<matrix.elements.count).map { matrix.share(unit: index, element: $0) })
            #expect(unit.missing == (0..<matrix.elements.count).filter { matrix.missing[index * matrix.elements.count + $0] })
        }
        #expect(data.decimal == String(language.decimalMark))
        // A name cannot close the data's element: `<` is written as \u003c.
        #expect(!html.contains("<script>alert"))
    }

    @Test func aReportScoredByOnesOwnMethodHasNoSandbox() throws {
        var input = try ReportTests.input(.en)
        input.result = try Scenario(points: ["government_activity": 400]).apply(to: input.result)
        let html = HTMLReportRenderer.render(ReportPages(input).national(), language: .en)
        #expect(!html.contains("id=\"sandbox\""))
        #expect(html.contains("NOT THE OFFICIAL METHOD"))
    }

    @Test func markdownSaysWhereTheSandboxIs() throws {
        let document = ReportPages(try ReportTests.input(.vi)).national()
        let markdown = MarkdownReportRenderer.render(document).page
        #expect(markdown.contains("## Tự điều chỉnh trọng số"))
        #expect(!markdown.contains("sandbox-data"))
    }
}
