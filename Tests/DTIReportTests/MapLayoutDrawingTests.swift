import DTICore
import DTIReport
import Foundation
import Testing

/// How a map with far islands and a dense centre is drawn (issue 34): the islands in a labelled
/// inset, the centre again, enlarged, with its box outlined, a lone small unit marked; and none of
/// it on the country's map, which keeps everything in place.
struct MapLayoutDrawingTests {
    /// A square unit of `size` degrees with its south-west corner at (`x`, `y`).
    static func square(_ x: Double, _ y: Double, _ size: Double) -> [[GeoPoint]] {
        [[(0, 0), (size, 0), (size, size), (0, size), (0, 0)].map { GeoPoint(longitude: x + $0.0, latitude: y + $0.1) }]
    }

    /// A province 1° wide: eight units in a row, a centre of 12 wards of 0.004° (too small to see
    /// at 480 units), one more such ward alone in the south-west, and an island unit 3° away.
    static var province: UnitMap {
        var shapes: [UnitShape] = []
        for column in 0..<8 {
            shapes.append(UnitShape(code: "M\(column)", name: "Xã \(column)", polygons: [square(106 + Double(column) * 0.125, 20, 0.125)]))
        }
        for ward in 0..<12 {
            let x = 106.5 + Double(ward % 4) * 0.004
            let y = 20.06 + Double(ward / 4) * 0.004
            shapes.append(UnitShape(code: "W\(ward)", name: "Phường \(ward)", polygons: [square(x, y, 0.004)]))
        }
        shapes.append(UnitShape(code: "L", name: "Phường Lẻ", polygons: [square(106.01, 20.01, 0.004)]))
        shapes.append(UnitShape(code: "I", name: "Đảo Xa", polygons: [square(109, 17, 0.1), square(109.2, 17.1, 0.02)]))
        return UnitMap(note: "synthetic", shapes: shapes)
    }

    static let labels = ChoroplethMap.Labels(
        archipelagos: [:], noData: "no data", rank: "rank", administeredBy: "of", under: "under", zoom: "Enlarged: the dashed box")

    static func areas(_ map: UnitMap) -> [String: ChoroplethMap.Area] {
        var areas: [String: ChoroplethMap.Area] = [:]
        for (index, shape) in map.unitShapes.enumerated() where shape.code != "M3" {
            areas[shape.code] = .init(name: shape.name, value: Double(index) / 30, rank: index + 1, page: "profile-\(shape.code)")
        }
        return areas
    }

    @Test func theRuleFindsTheIslandTheCentreAndTheLoneWard() {
        let layout = MapLayout(Self.province)
        #expect(layout.insets.map(\.codes) == [["I"]])
        #expect(layout.insets.first?.parts.count == 2, "both of the island's polygons go with it")
        #expect(layout.bounds.south == 20 && layout.bounds.east == 107, "the inset's box leaves the drawing")
        #expect(layout.zoom?.codes == (0..<12).map { "W\($0)" })
        #expect(layout.small.sorted() == (["L"] + (0..<12).map { "W\($0)" }).sorted())
        // The country's map keeps every part in place.
        let country = MapLayout(Self.province, allowsInsets: false)
        #expect(country.insets.isEmpty && country.bounds.south == 17 && abs(country.bounds.east - 109.22) < 1e-9)
    }

    @Test func theValueMapDrawsTheInsetTheZoomAndAMarker() throws {
        let map = Self.province
        let chart = ChoroplethMap(title: "Map", map: map, areas: Self.areas(map), style: .values, labels: Self.labels, valueText: { "\($0 ?? 0)" })
        let svg = chart.svg().markup
        // The island is drawn once, in its framed inset, under its name.
        #expect(svg.components(separatedBy: "data-code=\"I\"").count - 1 == 1)
        #expect(svg.contains(">Đảo Xa</text>") && svg.contains("class=\"frame\""))
        // The centre's wards are drawn twice: in place and in the enlarged, clipped panel.
        #expect(svg.components(separatedBy: "data-code=\"W5\"").count - 1 == 2)
        #expect(svg.contains(">Enlarged: the dashed box</text>") && svg.contains("class=\"zoombox\"") && svg.contains("clip-path=\"url(#zoom-480)\""))
        // The lone ward no zoom shows gets a marker with its name, value and link.
        #expect(svg.contains("<a href=\"profile-L.html\"><circle r=\"5\""))
        // A unit without a value is drawn, in the no-data fill, and says so.
        #expect(svg.contains("data-code=\"M3\" fill=\"#f2f2f2\"") && svg.contains("<title>Xã 3: — no data</title>"))
    }

    @Test func aLocatorEnlargesTheCentreOnlyForAUnitInIt() throws {
        let map = Self.province
        func locator(_ codes: Set<String>) -> String {
            ChoroplethMap(title: "Where", map: map, areas: Self.areas(map), style: .locator(codes), labels: Self.labels, valueText: { "\($0 ?? 0)" })
                .svg().markup
        }
        #expect(locator(["W3"]).contains("class=\"zoombox\""))
        #expect(!locator(["M1"]).contains("class=\"zoombox\""))
        #expect(locator(["M1"]).contains(">Đảo Xa</text>"), "the inset is always drawn: it is part of the province")
    }

    @Test func theCountrysMapKeepsItsIslandsInPlace() throws {
        let map = Self.province
        let drawing = MapDrawing.full(map, insets: false)
        let chart = ChoroplethMap(
            title: "Map", drawing: drawing, areas: Self.areas(map), style: .values, labels: Self.labels, valueText: { "\($0 ?? 0)" })
        let svg = chart.svg().markup
        // The island is drawn in place, with no inset labelled with its name (a zoom of the centre
        // may still be framed: it is not a move).
        #expect(!svg.contains(">Đảo Xa</text>") && svg.contains("data-code=\"I\""))
    }

    /// A prepared locator (its units written once for thousands of profiles) draws exactly what a
    /// locator drawn afresh does, for a unit in place, in the zoom and in the inset; saved as an
    /// image it carries no links or hover titles (an image cannot use them).
    @Test func aPreparedLocatorDrawsWhatAFreshOneDraws() throws {
        let map = Self.province
        let fresh = { (codes: Set<String>) in
            ChoroplethMap(title: "Where", map: map, areas: Self.areas(map), style: .locator(codes), labels: Self.labels, valueText: { "\($0 ?? 0)" })
        }
        let prepared = fresh([]).preparedLocator()
        for codes: Set<String> in [["M1"], ["W3"], ["I"], ["L", "M2"]] {
            let reused = prepared.highlighting(codes, title: "Where")
            #expect(reused.svg().markup == fresh(codes).svg().markup, "\(codes)")
            #expect(reused.svg(standalone: true).markup == fresh(codes).svg(standalone: true).markup, "\(codes)")
        }
        let image = prepared.highlighting(["W3"], title: "Where").svg(standalone: true).markup
        #expect(!image.contains("<a ") && image.components(separatedBy: "<title>").count == 2)
        #expect(prepared.highlighting(["W3"], title: "Where").svg().markup.contains("<a href=\"profile-W3.html\">"))
    }
}
