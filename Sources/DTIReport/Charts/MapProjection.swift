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
        let correction = Self.cosine(middle)
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

    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        (padding + (point.longitude - west) * xScale, padding + (north - point.latitude) * yScale)
    }

    /// cos by its Taylor series (DTICore and DTIReport stay free of Foundation); exact to 1e-12 on
    /// [−π/2, π/2], far beyond a drawing's tenth of a unit.
    static func cosine(_ x: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        for n in stride(from: 2, through: 30, by: 2) {
            term *= -x * x / Double((n - 1) * n)
            sum += term
        }
        return sum
    }

    /// An SVG path for a shape's polygons: rings simplified to `tolerance` drawing units, one
    /// decimal per coordinate; holes are cut by the even-odd rule. A ring smaller than the
    /// tolerance (an islet) becomes a dot of that size, one per `3 × tolerance` cell, so an
    /// archipelago of hundreds of islets stays visible without carrying each outline.
    func path(_ shape: UnitShape, tolerance: Double) -> String {
        var d = ""
        var dots: Set<[Int64]> = []
        func move(_ points: [(x: Double, y: Double)]) {
            var previous: (String, String)?
            for (index, point) in points.enumerated() {
                let xy = (HTMLBuilder.coordinate(point.x), HTMLBuilder.coordinate(point.y))
                if let previous, previous == xy { continue }
                d += (index == 0 ? "M" : " ") + xy.0 + " " + xy.1
                previous = xy
            }
            d += "Z"
        }
        for polygon in shape.polygons {
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
                    let half = max(tolerance, 0.5)
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
