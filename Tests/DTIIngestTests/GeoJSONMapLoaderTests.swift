import DTICore
import Testing

@testable import DTIIngest

/// The JSON reader behind the map files, and the maps of the repository's unit sets.
struct GeoJSONMapLoaderTests {
    @Test func jsonValuesStringsAndEscapesAreRead() throws {
        let node = try JSONReader.parse(#"{"a": [1, -2.5e1, true, null], "b": "H\u00e0 N\u1ed9i \ud83d\ude00 \"q\" \n"}"#, file: "t.json")
        #expect(node["a"] == .array([.number(1), .number(-25), .bool(true), .null]))
        #expect(node["b"]?.string == "Hà Nội 😀 \"q\" \n")
        #expect(node["missing"] == nil)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a member name in quotes"),
        ("{\n  \"a\": [1, 2\n}", 3, 1, "expected ',' or ']' in an array"),
        ("[\"open", 1, 7, "a string that is not closed"),
        ("[1] 2", 1, 5, "text after the end of the JSON value"),
        ("[1e999]", 1, 2, "not a valid number"),
    ])
    func malformedJSONIsLocated(text: String, line: Int, column: Int, detail: String) {
        #expect {
            try JSONReader.parse(text, file: "m.json")
        } throws: { error in
            guard case let .malformedJSON(file, errorLine, errorColumn, errorDetail) = error as? IngestError else { return false }
            return file == "m.json" && errorLine == line && errorColumn == column && errorDetail.text(.en) == detail
                && errorDetail.text(.vi) != detail
        }
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: IngestError.self) { try JSONReader.parse(deep, file: "deep.json") }
    }

    @Test func aMapWithoutItsAttributionIsRefused() {
        let text = #"{"type":"FeatureCollection","features":[]}"#
        #expect(throws: IngestError.self) { try GeoJSONMapLoader.load(text, file: "m.geojson") }
    }

    @Test func polygonsAndMultiPolygonsAreRead() throws {
        let text = """
            {"type":"FeatureCollection","note":"test data","note_vi":"dữ liệu thử","features":[
            {"type":"Feature","properties":{"code":"01","name":"A"},"geometry":{"type":"Polygon","coordinates":[[[105,21],[106,21],[105,22],[105,21]]]}},
            {"type":"Feature","properties":{"code":"48","name":"B","archipelago":"Hoàng Sa"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[111,16],[112,16],[111,17],[111,16]]],[[[112,17],[113,17],[112,18],[112,17]]]]}}]}
            """
        let map = try GeoJSONMapLoader.load(text, file: "m.geojson")
        #expect(map.note == "test data" && map.noteVI == "dữ liệu thử")
        #expect(map.unitShapes.map(\.code) == ["01"])
        #expect(map.archipelagos.map(\.archipelago) == ["Hoàng Sa"])
        #expect(map.archipelagos[0].polygons.count == 2)
        #expect(map.shapes[0].polygons[0][0][1] == GeoPoint(longitude: 106, latitude: 21))
    }

    @Test func aPointOutsideTheGlobeIsRefused() {
        let text = """
            {"type":"FeatureCollection","note":"n","features":[{"type":"Feature","properties":{"code":"01","name":"A"},
            "geometry":{"type":"Polygon","coordinates":[[[105,91],[106,21],[105,22]]]}}]}
            """
        #expect(throws: IngestError.self) { try GeoJSONMapLoader.load(text, file: "m.geojson") }
    }

    /// The map data is data: every unit of each set has a shape, no shape is left without a unit,
    /// and both archipelagos are there, administered by Đà Nẵng and Khánh Hòa.
    @Test(arguments: ["vn63", "vn34"])
    func everyUnitHasAShapeAndEveryShapeAUnit(unitSetID: String) throws {
        let map = try GeoJSONMapLoader.load(try RepositoryData.text("Indicators/maps/\(unitSetID).geojson"), file: unitSetID)
        let units = try #require(try RepositoryData.registry().unitSet(unitSetID))
        let mismatches = map.mismatches(with: units)
        #expect(mismatches.withoutShape.isEmpty, "units without a shape: \(mismatches.withoutShape)")
        #expect(mismatches.withoutUnit.isEmpty, "shapes without a unit: \(mismatches.withoutUnit)")
        #expect(map.unitShapes.count == units.count)
        #expect(Dictionary(uniqueKeysWithValues: map.archipelagos.map { ($0.archipelago ?? "", $0.code) }) == ["Hoàng Sa": "48", "Trường Sa": "56"])
        #expect(map.note.contains("MIT") && map.noteVI?.contains("MIT") == true)
    }
}
