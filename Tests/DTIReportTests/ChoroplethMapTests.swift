import DTICore
import DTIReport
import Foundation
import Testing

/// The choropleth and locator maps: what each unit is filled with, what a hover shows, and the
/// archipelagos' labels in both languages.
struct ChoroplethMapTests {
    static func pages(_ language: ReportLanguage) throws -> ReportPages { ReportPages(try ReportTests.input(language)) }

    static func paths(_ svg: String) -> [(code: String, fill: String, title: String)] {
        svg.components(separatedBy: "<path").dropFirst().map { part in
            func attribute(_ name: String) -> String {
                guard let start = part.range(of: "\(name)=\"") else { return "" }
                return String(part[start.upperBound...].prefix { $0 != "\"" })
            }
            let title = part.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
            return (attribute("data-code"), attribute("fill"), title)
        }
    }

    @Test func theNationalMapFillsEachUnitByItsClassAndShowsNameValueAndRank() throws {
        let pages = try Self.pages(.vi)
        let national = HTMLReportRenderer.render(pages.national(), language: .vi)
        let svg = try #require(national.components(separatedBy: "<svg").first { $0.contains("class=\"chart map\"") })
        let shapes = Self.paths(svg)
        #expect(shapes.count == 6)
        let result = pages.input.result
        let best = try #require(result.rows.first)
        let bestShape = try #require(shapes.first { $0.code == best.unit.code })
        #expect(bestShape.title.hasPrefix("\(best.unit.name): \(ReportLanguage.vi.number(best.values["dti"]))"))
        #expect(bestShape.title.hasSuffix("(hạng 1)"))
        // Units with a DTI take their class colour (the lowest and the highest differ); Hà Nội,
        // without data in this edition, the no-data grey, with the reason on hover.
        let units = shapes.filter { !$0.title.contains("Quần đảo") }
        let lowest = try #require(result.rows.filter(\.isRanked).last)
        #expect(bestShape.fill != units.first { $0.code == lowest.unit.code }?.fill)
        #expect(units.filter { $0.fill == "#f2f2f2" }.map(\.code) == ["01"])
        #expect(units.first { $0.code == "01" }?.title == "Hà Nội: — không có số liệu")
        // The archipelagos are drawn in the colour of the unit that administers them and labelled.
        let hoangSa = try #require(shapes.first { $0.title.hasPrefix("Quần đảo Hoàng Sa") })
        #expect(hoangSa.fill == shapes.first { $0.code == "48" && !$0.title.contains("Quần đảo") }?.fill)
        #expect(svg.contains("<tspan") && svg.contains(">Quần đảo</tspan> <tspan") && svg.contains(">Trường Sa</tspan>"))
        #expect(svg.contains("— không có số liệu"))  // the legend's no-data entry
    }

    /// Legend classes are half-open: each says that its upper bound belongs to the next class
    /// (a value on a boundary, such as Đà Nẵng's 0,7450, is in the class that starts there), and
    /// the class the highest value belongs to is closed.
    @Test func legendClassesSayWhereABoundaryValueFalls() throws {
        let national = HTMLReportRenderer.render(try Self.pages(.vi).national(), language: .vi)
        let svg = try #require(national.components(separatedBy: "<svg").first { $0.contains("class=\"chart map\"") })
        let legend = svg.components(separatedBy: "<text font-size=\"15\"").dropFirst().compactMap { $0.split(separator: ">").dropFirst().first }
            .map { $0.split(separator: "<").first.map(String.init) ?? "" }
        let classes = legend.filter { !$0.hasPrefix("—") }
        #expect(classes.count >= 2, "\(legend)")
        #expect(classes.dropLast().allSatisfy { $0.contains(" – dưới ") }, "\(classes)")
        #expect(classes.last.map { !$0.contains("dưới") && $0.contains(" – ") } == true, "\(classes)")
    }

    @Test func englishLabelsTheArchipelagosByTheirEnglishNames() throws {
        let national = HTMLReportRenderer.render(try Self.pages(.en).national(), language: .en)
        #expect(national.contains(">Hoang Sa (Paracel)</tspan> <tspan"))
        #expect(national.contains(">Truong Sa (Spratly)</tspan> <tspan"))
        #expect(national.contains("Islands</tspan>"))
        #expect(!national.contains("Quần đảo"))
    }

    @Test func aUnitWithoutAValueIsDrawnAsNoDataNotAsTheLowestClass() throws {
        let input = try ReportTests.input(.en)
        let map = try #require(input.map)
        var areas: [String: ChoroplethMap.Area] = [:]
        for row in input.result.rows { areas[row.unit.code] = .init(name: row.unit.name, value: row.values["dti"], rank: 1, page: nil) }
        areas["01"]?.value = nil
        let chart = ChoroplethMap(
            title: "t", map: map, areas: areas, style: .values,
            labels: .init(archipelagos: [:], noData: "no data", rank: "rank", administeredBy: "administered by"),
            valueText: { $0.map { "\($0)" } ?? "–" })
        let shapes = Self.paths(chart.svg().markup)
        let hanoi = try #require(shapes.first { $0.code == "01" })
        #expect(hanoi.fill == "#f2f2f2")
        #expect(hanoi.title == "Hà Nội: — no data")
    }

    @Test func aProfileHighlightsItsUnitOnALocatorMap() throws {
        let pages = try Self.pages(.vi)
        let row = try #require(pages.input.result.rows.first { $0.unit.code == "27" })
        let profile = HTMLReportRenderer.render(pages.profile(row), language: .vi)
        let svg = try #require(profile.components(separatedBy: "<svg").first { $0.contains("class=\"chart map locator\"") })
        let shapes = Self.paths(svg)
        #expect(shapes.filter { $0.fill == "#b5179e" }.map(\.code) == ["27"])
        #expect(shapes.filter { $0.code != "27" && $0.fill == "#b5179e" }.isEmpty)
        let compare = HTMLReportRenderer.render(pages.comparison(Array(pages.input.result.rows.prefix(3))), language: .vi)
        let compared = Set(pages.input.result.rows.prefix(3).map(\.unit.code))
        let compareSVG = try #require(compare.components(separatedBy: "<svg").first { $0.contains("class=\"chart map locator\"") })
        #expect(Set(Self.paths(compareSVG).filter { $0.fill == "#b5179e" && !$0.title.contains("Quần đảo") }.map(\.code)) == compared)
    }

    @Test func withoutBoundariesThereIsNoMapAndTheTileMapStays() throws {
        var input = try ReportTests.input(.vi)
        input.map = nil
        let pages = ReportPages(input)
        let national = HTMLReportRenderer.render(pages.national(), language: .vi)
        #expect(!national.contains("class=\"chart map"))
        #expect(national.contains("class=\"chart tilemap\""))
        let profile = HTMLReportRenderer.render(pages.profile(input.result.rows[0]), language: .vi)
        #expect(!profile.contains("class=\"chart map locator\""))
    }

    @Test func theDataAppendixCarriesTheMapsAttributionInTheReportsLanguage() throws {
        #expect(HTMLReportRenderer.render(try Self.pages(.vi).national(), language: .vi).contains("Hình thử (miền công cộng)."))
        #expect(HTMLReportRenderer.render(try Self.pages(.en).national(), language: .en).contains("Test shapes (public domain)."))
    }

    @Test func aMissingValueIsADashWithItsReasonNeverAColouredZero() throws {
        let pages = try Self.pages(.vi)
        let national = HTMLReportRenderer.render(pages.national(), language: .vi)
        // Bắc Ninh (27) has no society_activity value.
        let heatRow = try #require(national.components(separatedBy: "<tr>").first { $0.contains("profile-27.html") && $0.contains("missing") })
        #expect(
            heatRow.contains(
                "<td class=\"num missing\" title=\"không có giá trị s (society_activity): tính 0 điểm\" data-sort=\"-10000\">— thiếu</td>"))
        #expect(!heatRow.contains(">0,0000<"))
        let english = TerminalProfile.render(
            pages.input.result, row: try #require(pages.input.result.rows.first { $0.unit.code == "27" }), style: TerminalStyle(colour: false))
        #expect(english.contains("— missing"))
        #expect(!english.contains("0.0000"))
    }
}
