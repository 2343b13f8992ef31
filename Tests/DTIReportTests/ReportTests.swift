import DTICore
import DTIReport
import TestSupport
import Testing

/// Reviewed golden files for the three report pages in both languages and formats, the chart
/// geometry, and escaping of hostile names.
struct ReportTests {
    static func input(_ language: ReportLanguage) throws -> ReportInput {
        let result = try RankingRendererTests.result()
        return ReportInput(
            result: result, previous: nil, history: [result],
            tiles: ["48": (1, 1), "27": (0, 0), "31": (1, 0), "01": (0, 1)],
            sources: [("f.csv", "e87d0be06b56e87d", 11)], language: language, map: smallMap)
    }

    /// Four squares for the four units and one islet for each archipelago: small enough for a
    /// reviewed snapshot, with every part a map draws.
    static let smallMap: UnitMap = {
        func square(_ longitude: Double, _ latitude: Double, _ size: Double = 1) -> [[[GeoPoint]]] {
            [
                [
                    [
                        GeoPoint(longitude: longitude, latitude: latitude), GeoPoint(longitude: longitude + size, latitude: latitude),
                        GeoPoint(longitude: longitude + size, latitude: latitude + size), GeoPoint(longitude: longitude, latitude: latitude + size),
                        GeoPoint(longitude: longitude, latitude: latitude),
                    ]
                ]
            ]
        }
        return UnitMap(
            note: "Test shapes (public domain).", noteVI: "Hình thử (miền công cộng).",
            shapes: [
                UnitShape(code: "01", name: "Hà Nội", polygons: square(105, 21)),
                UnitShape(code: "27", name: "Bắc Ninh", polygons: square(106, 21)),
                UnitShape(code: "31", name: "Hải Phòng", polygons: square(106, 20)),
                UnitShape(code: "48", name: "Đà Nẵng", polygons: square(107, 16)),
                UnitShape(code: "48", name: "Đà Nẵng", archipelago: "Hoàng Sa", polygons: square(111, 16, 0.2)),
                UnitShape(code: "56", name: "Khánh Hòa", archipelago: "Trường Sa", polygons: square(114, 10, 0.2)),
            ])
    }()

    static let hostile = "<script>alert(\"x\")</script> | Hải Phòng"

    @Test(arguments: ReportLanguage.allCases)
    func pagesMatchTheirReviewedSnapshots(language: ReportLanguage) throws {
        let pages = ReportPages(try Self.input(language))
        let result = pages.input.result
        let documents = [
            ("national", pages.national()),
            ("profile", pages.profile(try #require(result.rows.first { $0.unit.code == "27" }))),
            ("compare", pages.comparison(Array(result.rows.prefix(3)))),
        ]
        for (name, document) in documents {
            try assertSnapshot(
                HTMLReportRenderer.render(document, language: language), named: "report-\(name)-\(language.rawValue)", extension: "html")
            try assertSnapshot(MarkdownReportRenderer.render(document).page, named: "report-\(name)-\(language.rawValue)", extension: "md")
        }
    }

    @Test func aHostileNameRendersAsTextInEveryFormat() throws {
        let pages = ReportPages(try Self.input(.en))
        let files = pages.files(formats: [.html, .markdown], compare: Array(pages.input.result.rows.prefix(3)))
        #expect(files.count > 10)
        for file in files {
            #expect(!file.contents.contains("<script>alert"), "\(file.path) contains the raw name")
        }
        let national = try #require(files.first { $0.path == "national.html" }).contents
        #expect(national.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | Hải Phòng"))
        let markdown = try #require(files.first { $0.path == "national.md" }).contents
        #expect(markdown.contains("\\<script\\>") || markdown.contains("&lt;script&gt;"))
        let terminal = TerminalComparison.render(
            pages.input.result, rows: Array(pages.input.result.rows.prefix(3)), style: TerminalStyle(colour: false))
        #expect(terminal.contains(Self.hostile))  // a terminal shows text as text
        #expect(!terminal.contains("\u{1B}["))  // and no colour when not asked
    }

    @Test func numbersFollowTheLanguage() {
        #expect(ReportLanguage.vi.number(0.800175) == "0,8002")
        #expect(ReportLanguage.en.number(0.800175) == "0.8002")
        #expect(ReportLanguage.vi.change(-0.01234) == "−0,0123")
        #expect(ReportLanguage.en.change(0.00001) == "±0.0000")
        #expect(ReportLanguage.vi.points(74.5) == "74,5")
        // Chart labels round like every other display: 0.8099 is 0,81, never the cut 0,80.
        #expect(ReportLanguage.vi.number(0.8099, decimals: 2) == "0,81")
        #expect(ReportLanguage.en.number(0.6, decimals: 2) == "0.60")
    }

    // MARK: Chart geometry

    @Test func aBarsLengthIsProportionalToItsValue() {
        let chart = BarChart(title: "t", bars: [.init(label: "a", value: 0.5)], maximum: 1, valueText: { "\($0)" })
        #expect(chart.length(of: 0.5) == 87.5)
        #expect(chart.length(of: 1) == 175)
        #expect(chart.length(of: 0.25) == chart.length(of: 1) / 4)
        #expect(chart.length(of: -1) == 0)
        #expect(chart.length(of: 2) == 175)
        #expect(chart.svg().markup.contains("width=\"87.5\""))
        // Its smallest size keeps 11 px text and fits a 390 px phone's 366 px column.
        #expect(chart.svg().markup.contains("--min-width:363px"))
    }

    @Test func tilesSitOnTheirGridAndColourByValue() {
        let map = TileMap(
            title: "t",
            tiles: [.init(code: "a", name: "A", column: 2, row: 3, value: 0.2), .init(code: "b", name: "B", column: 0, row: 0, value: 0.8)],
            valueText: { $0.map { "\($0)" } ?? "–" })
        #expect(map.origin(of: map.tiles[0]) == (128, 192))
        #expect(map.fraction(of: 0.2) == 0 && map.fraction(of: 0.8) == 1)
        #expect(ColourScale.colour(0) == "#440154" && ColourScale.colour(1) == "#fde725")
    }

    @Test func radarPointsLieOnTheirAxesAtTheirValue() {
        let radar = RadarChart(
            title: "t", axes: (0..<4).map { .init(label: "\($0)", value: 0.5, reference: 0.5) }, seriesLabel: "s", referenceLabel: "r")
        let top = radar.point(axis: 0, value: 1)
        #expect(abs(top.x - 180) < 1e-9 && abs(top.y - 55) < 1e-9)  // up, a full radius of 80
        let right = radar.point(axis: 1, value: 0.5)
        #expect(abs(right.x - 220) < 1e-9 && abs(right.y - 135) < 1e-9)  // clockwise, half the radius
        // Long axis names are broken between words into lines of at most 15 characters.
        #expect(RadarChart.lines("Hoạt động chính quyền số") == ["Hoạt động chính", "quyền số"])
        #expect(RadarChart.lines("Thể chế số") == ["Thể chế số"])
    }

    @Test func lineChartSpreadsYearsAndScalesValues() {
        let chart = LineChart(
            title: "t", series: [.init(name: "a", points: [(2020, 0), (2022, 1), (2024, 0.5)])], valueText: { "\($0)" })
        #expect(chart.point(year: 2020, value: 0) == (50, 185))
        #expect(chart.point(year: 2024, value: 0.5) == (330, 100))
        #expect(chart.point(year: 2022, value: 1).y == 15)
    }

    @Test func vietnameseOrderSortsLettersBeforeTones() {
        let names = ["Đà Nẵng", "Bắc Ninh", "Bạc Liêu", "Điện Biên", "Đắk Lắk", "Cà Mau", "Ðồng Nai", "An Giang", "Bà Rịa - Vũng Tàu", "Dak Test"]
        let sorted = names.sorted(by: VietnameseOrder.precedes)
        #expect(sorted.prefix(4) == ["An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Ninh"])
        #expect(sorted.firstIndex(of: "Dak Test")! < sorted.firstIndex(of: "Đà Nẵng")!)
        // Keys worked out once give the same order as keys worked out per comparison, with
        // names equal but for their form (NFC, NFD) and repeated names kept in their order.
        let more = names + ["Ba\u{0300} Ri\u{0323}a - Vu\u{0303}ng Ta\u{0300}u", "Cà Mau", "Hoà Bình", "Hòa Bình"]
        let items = more.enumerated().map { (offset: $0.offset, name: $0.element) }
        #expect(VietnameseOrder.sorted(items, by: \.name).map(\.offset) == items.sorted { VietnameseOrder.precedes($0.name, $1.name) }.map(\.offset))
    }
}
