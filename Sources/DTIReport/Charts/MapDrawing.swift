import DTICore

/// A unit map projected and simplified once for one drawing size: every locator map of a report
/// set draws the same outlines, so they are computed once, not once per page and format.
public struct MapDrawing: Sendable {
    public let map: UnitMap
    let projection: MapProjection
    /// The SVG path of each of `map.shapes`, by index.
    let paths: [String]
    let width: Double
    let tolerance: Double

    public init(map: UnitMap, width: Double, tolerance: Double) {
        self.map = map
        self.width = width
        self.tolerance = tolerance
        let projection = MapProjection(bounds: map.bounds, width: width, padding: 6)
        self.projection = projection
        paths = map.shapes.map { projection.path($0, tolerance: tolerance) }
    }

    /// The national report's map: 480 units wide, outlines to 0.45 units.
    public static func full(_ map: UnitMap) -> MapDrawing { MapDrawing(map: map, width: 480, tolerance: 0.45) }

    /// A locator map: 300 units wide, outlines to 2 units (its shapes only say where a unit lies).
    public static func locator(_ map: UnitMap) -> MapDrawing { MapDrawing(map: map, width: 300, tolerance: 2) }
}
