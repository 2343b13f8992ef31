/// A point in degrees (WGS 84): longitude east, latitude north.
public struct GeoPoint: Sendable, Hashable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One unit's outline: polygons, each an outer ring followed by its holes. An archipelago is a
/// shape of its own, named by `archipelago` and carrying the code of the unit that administers it,
/// so a map can draw and label it apart from the mainland.
public struct UnitShape: Sendable, Hashable {
    public var code: String
    public var name: String
    public var archipelago: String?
    public var polygons: [[[GeoPoint]]]

    public init(code: String, name: String, archipelago: String? = nil, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.name = name
        self.archipelago = archipelago
        self.polygons = polygons
    }
}

/// The boundaries of a unit set, with the attribution its source requires (`note`).
public struct UnitMap: Sendable, Hashable {
    /// Source and licence, in English (the file's `note`), and in Vietnamese (`note_vi`) if given.
    public var note: String
    public var noteVI: String?
    public var shapes: [UnitShape]

    public init(note: String, noteVI: String? = nil, shapes: [UnitShape]) {
        self.note = note
        self.noteVI = noteVI
        self.shapes = shapes
    }

    /// The shapes of units (archipelagos excluded).
    public var unitShapes: [UnitShape] { shapes.filter { $0.archipelago == nil } }

    /// The archipelagos, in the order of the file.
    public var archipelagos: [UnitShape] { shapes.filter { $0.archipelago != nil } }

    /// What does not match between the map and `units`: unit codes without a shape, and shapes
    /// (archipelagos included) whose code is no unit's. Both empty for a map that fits its set.
    public func mismatches(with units: UnitSet) -> (withoutShape: [String], withoutUnit: [String]) {
        let shaped = Set(unitShapes.map(\.code))
        let codes = Set(units.units.map(\.code))
        return (units.units.map(\.code).filter { !shaped.contains($0) }, shapes.map(\.code).filter { !codes.contains($0) })
    }

    /// The smallest box holding every shape: west, south, east, north.
    public var bounds: (west: Double, south: Double, east: Double, north: Double) {
        var west = Double.infinity, south = Double.infinity, east = -Double.infinity, north = -Double.infinity
        for shape in shapes {
            for polygon in shape.polygons {
                for ring in polygon {
                    for point in ring {
                        west = min(west, point.longitude)
                        east = max(east, point.longitude)
                        south = min(south, point.latitude)
                        north = max(north, point.latitude)
                    }
                }
            }
        }
        return west.isFinite ? (west, south, east, north) : (0, 0, 0, 0)
    }
}

extension UnitMap {
    /// One map of several (each province's communes, for the country's): their shapes in order,
    /// and a note that says so, followed by what every part's note ends with (their shared method,
    /// source and licence), or by every distinct note when they share too little. Nil for no parts.
    public init?(joining parts: [UnitMap]) {
        guard let first = parts.first else { return nil }
        let count = parts.reduce(0) { $0 + $1.unitShapes.count }
        func joined(_ notes: [String], lead: String) -> String {
            var common = notes[0]
            for note in notes.dropFirst() {
                while !note.hasSuffix(common) { common.removeFirst() }
            }
            // From the first clause that all share: "boundaries simplified … Source: … (MIT) …".
            if notes.count > 1, let start = common.firstRange(of: ", ")?.upperBound, common[start...].count > 40 {
                return lead + common[start...]
            }
            var seen: Set<String> = []
            return lead + notes.filter { seen.insert($0).inserted }.joined(separator: " ")
        }
        let vietnamese = parts.compactMap(\.noteVI)
        let lead = Messages.Core.mapsJoined(count: GroupedCount(count), maps: parts.count)
        self.init(
            note: joined(parts.map(\.note), lead: lead.text(.en)),
            noteVI: vietnamese.count == parts.count ? joined(vietnamese, lead: lead.text(.vi)) : first.noteVI,
            shapes: parts.flatMap(\.shapes))
    }
}
