import DTICore

/// A unit map projected and simplified once for one drawing size: every locator map of a report
/// set draws the same outlines, so they are computed once, not once per page and format.
///
/// Laid out by `MapLayout`: the parts in place fill the width; far parts (islands, special zones)
/// and the zoomed cluster of small units are *panels* below it, each in its own frame at its own
/// scale, with a label line above the frame. Units too small to see that no zoom shows get a
/// marker when there are few of them.
public struct MapDrawing: Sendable {
    public let map: UnitMap
    public let layout: MapLayout
    let projection: MapProjection
    /// The SVG path of each of `map.shapes`, by index: its parts drawn in place.
    let paths: [String]
    let width: Double
    let tolerance: Double
    /// The insets, then the zoom, in the order they are stacked.
    let panels: [Panel]
    /// Small units outside the zoom, marked by a circle where they lie (when there are few).
    let markers: [(code: String, x: Double, y: Double)]

    /// One framed drawing below the main one.
    struct Panel: Sendable {
        enum Kind: Sendable, Equatable {
            case inset(Int)
            case zoom
        }

        let kind: Kind
        let projection: MapProjection
        /// The shapes drawn in it, by index, with their paths in the panel's coordinates.
        let paths: [(shape: Int, path: String)]
        /// The share of the row it takes: a zoom the whole, an inset a half (a third for three).
        let share: Double
        /// Where the zoomed box lies on the main drawing.
        let outline: (x: Double, y: Double, width: Double, height: Double)?
    }

    /// Room above a panel's frame for its label, and between panels.
    static let labelHeight = 20.0
    static let gap = 8.0
    /// At most this many markers: more would be the label soup a map must not be.
    static let maxMarkers = 12

    /// `insets`: whether far parts may be drawn apart (not on a map of the whole country).
    public init(map: UnitMap, width: Double, tolerance: Double, insets: Bool = true) {
        self.map = map
        self.width = width
        self.tolerance = tolerance
        let layout = MapLayout(map, allowsInsets: insets)
        self.layout = layout
        let projection = MapProjection(bounds: layout.bounds.tuple, width: width, padding: 6)
        self.projection = projection
        var inset: [MapLayout.Part: Int] = [:]
        for (index, entry) in layout.insets.enumerated() { for part in entry.parts { inset[part] = index } }
        paths = map.shapes.enumerated().map { index, shape in
            let kept = shape.polygons.indices.filter { inset[MapLayout.Part(shape: index, polygon: $0)] == nil }
            return projection.path(kept.map { shape.polygons[$0] }, tolerance: tolerance)
        }

        var panels: [Panel] = []
        let insetShare = layout.insets.count >= 3 ? 1.0 / 3 : 0.5
        for (index, entry) in layout.insets.enumerated() {
            let slot = (width - Self.gap * (1 / insetShare - 1)) * insetShare
            let local = MapProjection(fitting: entry.bounds.tuple, width: slot, maxHeight: width * 0.35, padding: 4)
            var drawn: [(Int, String)] = []
            for shape in Set(entry.parts.map(\.shape)).sorted() {
                let polygons = entry.parts.filter { $0.shape == shape }.map { map.shapes[shape].polygons[$0.polygon] }
                // Islets far out (the Trường Sa special zone's) would be specks at an inset's scale.
                drawn.append((shape, local.path(polygons, tolerance: tolerance, dot: 1.6)))
            }
            panels.append(Panel(kind: .inset(index), projection: local, paths: drawn, share: insetShare, outline: nil))
        }
        if let zoom = layout.zoom {
            let local = MapProjection(fitting: zoom.bounds.tuple, width: width, maxHeight: width * 0.8, padding: 0)
            var drawn: [(Int, String)] = []
            for (index, shape) in map.shapes.enumerated() where shape.archipelago == nil {
                let polygons = shape.polygons.enumerated().filter { number, polygon in
                    inset[MapLayout.Part(shape: index, polygon: number)] == nil
                        && (GeoBounds(polygon.first ?? []).map(zoom.bounds.intersects) ?? false)
                }
                guard !polygons.isEmpty else { continue }
                drawn.append((index, local.path(polygons.map { $0.element }, tolerance: tolerance)))
            }
            let corner = projection.project(GeoPoint(longitude: zoom.bounds.west, latitude: zoom.bounds.north))
            let far = projection.project(GeoPoint(longitude: zoom.bounds.east, latitude: zoom.bounds.south))
            panels.append(
                Panel(kind: .zoom, projection: local, paths: drawn, share: 1, outline: (corner.x, corner.y, far.x - corner.x, far.y - corner.y)))
        }
        self.panels = panels

        let zoomed = Set(layout.zoom?.codes ?? [])
        let unmarked = layout.small.filter { !zoomed.contains($0) }
        if unmarked.count <= Self.maxMarkers {
            markers = unmarked.compactMap { code in
                guard let index = map.shapes.firstIndex(where: { $0.code == code }) else { return nil }
                let points = map.shapes[index].polygons.enumerated()
                    .filter { inset[MapLayout.Part(shape: index, polygon: $0.offset)] == nil }
                    .flatMap { $0.element.first ?? [] }
                guard let box = GeoBounds(points) else { return nil }
                let centre = projection.project(GeoPoint(longitude: (box.west + box.east) / 2, latitude: (box.south + box.north) / 2))
                return (code, centre.x, centre.y)
            }
        } else {
            markers = []
        }
    }

    /// The national report's map: 480 units wide, outlines to 0.45 units.
    public static func full(_ map: UnitMap, insets: Bool = true) -> MapDrawing { MapDrawing(map: map, width: 480, tolerance: 0.45, insets: insets) }

    /// A locator map: 300 units wide, outlines to 2 units (its shapes only say where a unit lies).
    public static func locator(_ map: UnitMap, insets: Bool = true) -> MapDrawing {
        MapDrawing(map: map, width: 300, tolerance: 2, insets: insets)
    }

    /// Where each shown panel's frame goes (its top left, below its label line), and the height of
    /// the whole drawing: the main map, then rows of panels.
    func placement(showing shown: [Panel]) -> (frames: [(x: Double, y: Double, centre: Double)], height: Double) {
        var frames: [(x: Double, y: Double, centre: Double)] = []
        var y = projection.height
        var x = 0.0
        var rowHeight = 0.0
        for panel in shown {
            let slot = (width - Self.gap * (1 / panel.share - 1)) * panel.share
            if x + slot > width + 0.01 {
                y += rowHeight
                x = 0
                rowHeight = 0
            }
            // Centred in its slot when the frame is narrower (a tall island).
            frames.append((x + (slot - panel.projection.width) / 2, y + Self.labelHeight, x + slot / 2))
            rowHeight = max(rowHeight, Self.labelHeight + panel.projection.height + Self.gap)
            x += slot + Self.gap
        }
        return (frames, y + rowHeight)
    }
}
