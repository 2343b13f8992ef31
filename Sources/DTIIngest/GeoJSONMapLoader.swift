import DTICore

/// Reads a unit set's map (`Indicators/maps/<unit set>.geojson`): a GeoJSON FeatureCollection of
/// Polygon or MultiPolygon features with a `code` and `name` property (and `archipelago` for the
/// Hoàng Sa and Trường Sa features), and a top-level `note` that gives the source and licence
/// (`note_vi`: the same in Vietnamese, for Vietnamese reports).
public enum GeoJSONMapLoader {
    public static func load(_ text: String, file: String) throws -> UnitMap {
        let root = try JSONReader.parse(text, file: file)
        func fail(_ detail: Wording) -> IngestError { .malformedJSON(file: file, line: nil, column: nil, detail: detail) }
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.array else {
            throw fail(Messages.Ingest.mapNotFeatureCollection)
        }
        guard let note = root["note"]?.string, !note.isEmpty else {
            throw fail(Messages.Ingest.mapNoNote)
        }
        var shapes: [UnitShape] = []
        for (number, feature) in features.enumerated() {
            guard let properties = feature["properties"], let code = properties["code"]?.string, !code.isEmpty,
                properties["name"]?.string != nil
            else { throw fail(Messages.Ingest.mapFeatureUnnamed(number: number + 1)) }
            guard let geometry = feature["geometry"], let type = geometry["type"]?.string, let coordinates = geometry["coordinates"] else {
                throw fail(Messages.Ingest.mapFeatureNoGeometry(number: number + 1, code: code))
            }
            let polygons: [JSONNode]
            switch type {
            case "Polygon": polygons = [coordinates]
            case "MultiPolygon": polygons = coordinates.array ?? []
            default: throw fail(Messages.Ingest.mapFeatureWrongType(number: number + 1, code: code, type: type))
            }
            let parsed = try polygons.map { polygon in
                try (polygon.array ?? []).map { ring in
                    try (ring.array ?? []).map { position -> GeoPoint in
                        guard let pair = position.array, pair.count >= 2, let longitude = pair[0].number, let latitude = pair[1].number,
                            (-180...180).contains(longitude), (-90...90).contains(latitude)
                        else { throw fail(Messages.Ingest.mapFeatureBadPosition(number: number + 1, code: code)) }
                        return GeoPoint(longitude: longitude, latitude: latitude)
                    }
                }
            }
            shapes.append(shape(properties, code: code, polygons: parsed))
        }
        return UnitMap(note: note, noteVI: root["note_vi"]?.string, shapes: shapes)
    }

    /// A feature's shape from its properties (`code`, `name`, `archipelago`), its name in the one
    /// spelling (tone on the first vowel): as GeoJSON gives them or as `PackedMaps` keeps them.
    static func shape(_ properties: JSONNode, code: String, polygons: [[[GeoPoint]]]) -> UnitShape {
        let name = VietnameseSpelling.toneOnFirstVowel(properties["name"]?.string ?? "")
        return UnitShape(code: code, name: name, archipelago: properties["archipelago"]?.string, polygons: polygons)
    }
}
