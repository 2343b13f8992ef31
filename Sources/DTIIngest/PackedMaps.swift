import DTICore
import XLSX

/// Maps packed by Scripts/embed-indicators.py (its `pack` describes the bytes): the communes'
/// boundaries of all 34 provinces, 5 MB of GeoJSON, built into the binary in 0.6 MB. Coordinates
/// are kept as whole ten-thousandths of a degree, so a packed map gives exactly the `UnitMap` its
/// GeoJSON gives (a test compares every one).
///
/// The bytes are the binary's own, but they are still read as untrusted: every count and length
/// is checked against what is left, so damage gives an error, never a crash.
public struct PackedMaps: Sendable {
    /// Each file's header and geometry, by path, not yet decoded.
    private let files: [String: (header: ArraySlice<UInt8>, geometry: ArraySlice<UInt8>)]
    private let name: String

    /// The paths of the maps held, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// Inflates `bytes` and finds each file in it; `name` names the pack in errors.
    public init(_ bytes: [UInt8], name: String) throws {
        self.name = name
        let magic = Array("DTIMAPS1".utf8)
        guard bytes.starts(with: magic) else { throw Self.damaged(name, "it does not start with DTIMAPS1") }
        let body = try RawInflate.inflate(bytes[magic.count...], cap: 64 << 20, name: name)
        var reader = Reader(bytes: body[...], name: name)
        var files: [String: (header: ArraySlice<UInt8>, geometry: ArraySlice<UInt8>)] = [:]
        for _ in 0..<(try reader.count()) {
            let header = try reader.bytes(try reader.count())
            let geometry = try reader.bytes(try reader.count())
            let path = try JSONReader.parse(String(decoding: header, as: UTF8.self), file: name)["path"]?.string
            guard let path else { throw Self.damaged(name, "a file has no path") }
            files[path] = (header, geometry)
        }
        self.files = files
    }

    /// The map at `path` (`maps/communes-24.geojson`), or nil when the pack has none.
    public func map(_ path: String) throws -> UnitMap? {
        guard let file = files[path] else { return nil }
        let place = "\(name):\(path)"
        let header = try JSONReader.parse(String(decoding: file.header, as: UTF8.self), file: place)
        guard let note = header["note"]?.string, let features = header["features"]?.array else {
            throw Self.damaged(place, "its header has no note or features")
        }
        var reader = Reader(bytes: file.geometry, name: place)
        var shapes: [UnitShape] = []
        shapes.reserveCapacity(features.count)
        for properties in features {
            guard let code = properties["code"]?.string else { throw Self.damaged(place, "a feature has no code") }
            var polygons: [[[GeoPoint]]] = []
            for _ in 0..<(try reader.count()) {
                var rings: [[GeoPoint]] = []
                for _ in 0..<(try reader.count()) {
                    let count = try reader.count()
                    var ring: [GeoPoint] = []
                    ring.reserveCapacity(count)
                    var longitude = 0
                    var latitude = 0
                    for _ in 0..<count {
                        longitude += try reader.signed()
                        latitude += try reader.signed()
                        // Division, not multiplication by 0.0001: it is exact to the nearest double,
                        // the same as reading "106.1997" from the GeoJSON.
                        let point = GeoPoint(longitude: Double(longitude) / 10_000, latitude: Double(latitude) / 10_000)
                        guard (-180...180).contains(point.longitude), (-90...90).contains(point.latitude) else {
                            throw Self.damaged(place, "\(code) has a point outside the globe")
                        }
                        ring.append(point)
                    }
                    rings.append(ring)
                }
                polygons.append(rings)
            }
            shapes.append(GeoJSONMapLoader.shape(properties, code: code, polygons: polygons))
        }
        guard reader.isAtEnd else { throw Self.damaged(place, "bytes are left after its last feature") }
        return UnitMap(note: note, noteVI: header["note_vi"]?.string, shapes: shapes)
    }

    private static func damaged(_ name: String, _ detail: String) -> IngestError {
        .malformedJSON(file: name, line: nil, column: nil, detail: Messages.Ingest.mapPackDamaged(detail: detail))
    }

    /// Unsigned LEB128 varints and byte runs, each checked against the bytes left.
    private struct Reader {
        var bytes: ArraySlice<UInt8>
        let name: String

        var isAtEnd: Bool { bytes.isEmpty }

        mutating func unsigned() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = bytes.popFirst() {
                guard shift < 64 else { break }
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            throw PackedMaps.damaged(name, "a number runs past the end")
        }

        /// A count or length: no more than the bytes left could hold, so a damaged count cannot
        /// ask for a huge array.
        mutating func count() throws -> Int {
            let value = try unsigned()
            guard value <= UInt64(bytes.count) else { throw PackedMaps.damaged(name, "a count of \(value) with \(bytes.count) bytes left") }
            return Int(value)
        }

        /// A zigzag-coded signed number.
        mutating func signed() throws -> Int {
            let value = try unsigned()
            return Int(truncatingIfNeeded: value >> 1) ^ -Int(truncatingIfNeeded: value & 1)
        }

        mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
            let run = bytes.prefix(count)
            bytes = bytes.dropFirst(count)
            return run
        }
    }
}
