import DTICore
import DTIIngest
import DTIWorkflow
import Foundation
import Testing

/// The communes' maps dti ships (issue 34): every province's, built in packed, checked against the
/// built-in list of 3,321 communes, and laid out by one rule (`MapLayout`).
struct CommuneMapDataTests {
    static let folder = IndicatorFiles(origin: .folder(EndToEndTests.root.appendingPathComponent("Indicators")))
    static let builtIn = IndicatorFiles(origin: .builtIn)

    /// The 34 provinces of 1 July 2025 and their communes, from the built-in reference data.
    static func provincesAndCommunes() throws -> (provinces: UnitSet, communes: UnitSet) {
        let reference = try ReferenceData(units: "communes", environment: [:])
        let communes = try #require(reference.chosenUnitSet)
        let provinces = try #require(reference.unitSet(id: UnitSet.provinces34ID))
        return (provinces, communes)
    }

    @Test func everyProvinceHasAMapOfExactlyItsCommunesAndTheBuiltInCopyIsTheFile() throws {
        let (provinces, communes) = try Self.provincesAndCommunes()
        #expect(provinces.units.count == 34)
        var drawn = 0
        for province in provinces.units {
            let path = "maps/communes-\(province.code).geojson"
            let map = try #require(try Self.builtIn.map(path), "no built-in map for \(province.name)")
            // Packed into the binary, it gives exactly what its GeoJSON file gives.
            #expect(try Self.folder.map(path) == map, "\(path): the built-in copy differs; run Scripts/embed-indicators.py")
            let expected = communes.units.filter { $0.parentCode == province.code }
            let codes = map.unitShapes.map(\.code)
            // Same codes, one feature each.
            #expect(Set(codes) == Set(expected.map(\.code)), "\(path): codes differ from the commune list")
            #expect(codes.count == Set(codes).count, "\(path): a commune has more than one feature")
            #expect(map.archipelagos.isEmpty)
            for shape in map.shapes {
                // Drawable: a polygon with an outer ring of three points at least, inside Vietnam's box.
                #expect(shape.polygons.contains { ($0.first?.count ?? 0) >= 4 }, "\(path): \(shape.code) has nothing to draw")
                let box = try #require(GeoBounds(shape.polygons.flatMap { $0.first ?? [] }))
                #expect(box.west >= 102 && box.east <= 118 && box.south >= 6 && box.north <= 24, "\(path): \(shape.code) lies outside Vietnam")
            }
            #expect(map.note.contains(province.name) && map.note.contains("MIT"))
            #expect(map.noteVI?.contains("MIT") == true)
            drawn += codes.count
        }
        #expect(drawn == 3_321)
    }

    @Test func theCountrysCommuneMapJoinsTheProvincesMaps() throws {
        let reference = try ReferenceData(units: "communes", environment: [:])
        let map = try #require(try reference.map(for: UnitSet.communesID))
        #expect(map.unitShapes.count == 3_321)
        #expect(map.note.hasPrefix("3,321 units joined from 34 maps: boundaries simplified"), "\(map.note)")
        #expect(map.note.contains("github.com/thanglequoc/vietnamese-provinces-database (MIT)"))
        #expect(map.noteVI?.hasPrefix("3.321 đơn vị ghép từ 34 bản đồ: ranh giới") == true, "\(map.noteVI ?? "")")
        let narrowed = try ReferenceData(units: "communes", parent: "Lào Cai", environment: [:])
        let set = try #require(narrowed.chosenUnitSet)
        #expect(try narrowed.map(for: set.id)?.unitShapes.count == set.units.count)
    }

    /// The inset rule is geometry, not a list (issue 34): on the 34 real maps it must move exactly
    /// the far parts that would shrink their mainland (Bạch Long Vĩ, the Hoàng Sa and Trường Sa
    /// special zones, Côn Đảo, Phú Quốc and Thổ Châu), keep the near islands in place (Cô Tô, Lý
    /// Sơn, Phú Quý, Cồn Cỏ, the smallest of them marked), and enlarge only Hồ Chí Minh
    /// City's centre. A change of the thresholds that changes any of this fails here.
    @Test func theLayoutRuleOnEveryProvince() throws {
        let (provinces, _) = try Self.provincesAndCommunes()
        var insets: [String: [[String]]] = [:]
        var zooms: [String: Int] = [:]
        var marked: [String: [String]] = [:]
        for province in provinces.units {
            let map = try #require(try Self.builtIn.map("maps/communes-\(province.code).geojson"))
            let layout = MapLayout(map)
            let names = Dictionary(map.shapes.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            if !layout.insets.isEmpty { insets[province.name] = layout.insets.map { $0.codes.map { names[$0] ?? $0 } } }
            if let zoom = layout.zoom { zooms[province.name] = zoom.codes.count }
            let unzoomed = layout.small.filter { !(layout.zoom?.codes.contains($0) ?? false) }
            if !unzoomed.isEmpty { marked[province.name] = unzoomed.map { names[$0] ?? $0 } }

            // A unit is drawn whole in one place: no unit in two insets, none both in place and
            // moved, and an inset's box lies outside the box drawn in place.
            let moved = layout.insets.flatMap(\.codes)
            #expect(Set(moved).count == moved.count, "\(province.name): a unit in two insets")
            for inset in layout.insets {
                #expect(
                    inset.bounds.east < layout.bounds.west || inset.bounds.west > layout.bounds.east
                        || inset.bounds.north < layout.bounds.south || inset.bounds.south > layout.bounds.north,
                    "\(province.name): the inset \(inset.codes) overlaps the mainland's box")
                for part in inset.parts { #expect(layout.inset(of: part) != nil) }
            }
            #expect(unzoomed.count <= 12, "\(province.name): more small units than markers")
        }
        #expect(
            insets == [
                "Hải Phòng": [["Bạch Long Vĩ"]], "Đà Nẵng": [["Hoàng Sa"]], "Khánh Hòa": [["Trường Sa"]],
                "Hồ Chí Minh": [["Côn Đảo"]], "An Giang": [["Phú Quốc"], ["Thổ Châu"]],
            ])
        #expect(zooms == ["Hồ Chí Minh": 43])
        // The near islands (Cô Tô, Lý Sơn, Phú Quý, Cồn Cỏ) stay in place, as the equality above
        // says; Cồn Cỏ, too small to see at the province's scale, gets a marker.
        #expect(marked["Quảng Trị"] == ["Cồn Cỏ"])
    }

    /// The licence travels with the data: NOTICE (which the archive and `dti about` carry) names
    /// the commune maps' source at the commit SOURCES.md gives, and its licence.
    @Test func theNoticeCarriesTheCommuneMapsSource() throws {
        let notice = try String(contentsOf: EndToEndTests.root.appendingPathComponent("NOTICE"), encoding: .utf8)
        let flat = notice.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Indicators/maps/communes-NN.geojson"))
        #expect(flat.contains("github.com/thanglequoc/vietnamese-provinces-database, json/geojson/NN_*/wards (commit cd58063, 2026-08-02)"))
        #expect(flat.contains("MIT License, Copyright (c)"))
    }
}
