import DTICore

/// Equirectangular projection with a cos(latitude) correction at the map's middle latitude:
/// x = (longitude − west) · cos(φ₀) · k, y = (north − latitude) · k. For a country as long and
/// narrow as Vietnam (7°–23.5° N) the distortion at the ends is a few per cent, which a report map
/// can bear; north is up and the archipelagos keep their true place.
struct MapProjection {
    let west: Double
    let north: Double
    let xScale: Double
    let yScale: Double
    let padding: Double
    /// The drawing's size, padding included.
    let width: Double
    let height: Double

    /// Fits `bounds` into `width` drawing units, with `padding` on every side.
    init(bounds: (west: Double, south: Double, east: Double, north: Double), width: Double, padding: Double) {
        let middle = (bounds.south + bounds.north) / 2 * Double.pi / 180
        let correction = Trigonometry.cosine(middle)
        let span = max((bounds.east - bounds.west) * correction, 1e-9)
        let k = (width - 2 * padding) / span
        west = bounds.west
        north = bounds.north
        xScale = k * correction
        yScale = k
        self.padding = padding
        self.width = width
        height = (bounds.north - bounds.south) * k + 2 * padding
    }

    /// Fits `bounds` into `width`, or into `maxHeight` when fitting the width would make it taller
    /// (then narrower than `width`).
    init(fitting bounds: (west: Double, south: Double, east: Double, north: Double), width: Double, maxHeight: Double, padding: Double) {
        let wide = MapProjection(bounds: bounds, width: width, padding: padding)
        guard wide.height > maxHeight, wide.height > 2 * padding else {
            self = wide
            return
        }
        let narrower = padding * 2 + (width - padding * 2) * (maxHeight - padding * 2) / (wide.height - padding * 2)
        self = MapProjection(bounds: bounds, width: narrower, padding: padding)
    }

    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        (padding + (point.longitude - west) * xScale, padding + (north - point.latitude) * yScale)
    }

    /// An SVG path for a shape's polygons: rings simplified to `tolerance` drawing units, one
    /// decimal per coordinate; holes are cut by the even-odd rule. A ring smaller than the
    /// tolerance (an islet) becomes a dot of that size, one per `3 × tolerance` cell, so an
    /// archipelago of hundreds of islets stays visible without carrying each outline.
    func path(_ shape: UnitShape, tolerance: Double) -> String { path(shape.polygons, tolerance: tolerance) }

    /// The path of some of a shape's polygons (those drawn in place, or in an inset).
    /// `dot`: the least half-size of an islet's dot (an inset of scattered islets raises it).
    /// Simplified to a pixel or more (a locator), it is written in whole pixels: tenths would be
    /// finer than what the simplification kept, and they are a third of the thousands of
    /// profiles' locators.
    func path(_ polygons: [[[GeoPoint]]], tolerance: Double, dot: Double = 0.5) -> String {
        var d = ""
        var dots: Set<[Int64]> = []
        let format: (Double) -> String =
            tolerance >= 1 ? { String(Int64($0.rounded(.toNearestOrAwayFromZero))) } : { HTMLBuilder.coordinate($0) }
        func move(_ points: [(x: Double, y: Double)]) {
            var previous: (String, String)?
            for (index, point) in points.enumerated() {
                let xy = (format(point.x), format(point.y))
                if let previous, previous == xy { continue }
                d += (index == 0 ? "M" : " ") + xy.0 + " " + xy.1
                previous = xy
            }
            d += "Z"
        }
        for polygon in polygons {
            for (number, ring) in polygon.enumerated() {
                let projected = ring.map(project)
                let xs = projected.map(\.x)
                let ys = projected.map(\.y)
                guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
                if max(maxX - minX, maxY - minY) < tolerance * 2 {
                    guard number == 0 else { continue }  // a hole in an islet is below what is drawn
                    let centre = ((minX + maxX) / 2, (minY + maxY) / 2)
                    let cell = [Int64((centre.0 / (tolerance * 3)).rounded(.down)), Int64((centre.1 / (tolerance * 3)).rounded(.down))]
                    guard dots.insert(cell).inserted else { continue }
                    let half = max(tolerance, dot)
                    move([
                        (centre.0 - half, centre.1 - half), (centre.0 + half, centre.1 - half), (centre.0 + half, centre.1 + half),
                        (centre.0 - half, centre.1 + half),
                    ])
                    continue
                }
                let points = LineSimplification.simplify(projected, tolerance: tolerance)
                guard points.count >= 3 else { continue }
                move(points)
            }
        }
        return d
    }
}
