/// Douglas–Peucker simplification of a closed ring in plane coordinates: drops the points that lie
/// within `tolerance` of the line through their neighbours that are kept. Maps use it so that a
/// small locator map does not carry the detail of a full-page one.
public enum LineSimplification {
    /// The ring with fewer points; the first and last point stay. Rings of four points or fewer
    /// are returned as they are, so no island disappears.
    public static func simplify(_ ring: [(x: Double, y: Double)], tolerance: Double) -> [(x: Double, y: Double)] {
        guard ring.count > 4, tolerance > 0 else { return ring }
        var keep = [Bool](repeating: false, count: ring.count)
        keep[0] = true
        keep[ring.count - 1] = true
        // A closed ring's ends coincide: split it at the point farthest from the start first.
        let far = (1..<ring.count - 1).max { distanceSquared(ring[$0], ring[0]) < distanceSquared(ring[$1], ring[0]) } ?? 1
        keep[far] = true
        var stack = [(0, far), (far, ring.count - 1)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var worst = first
            var worstDistance = 0.0
            for index in (first + 1)..<last {
                let distance = segmentDistanceSquared(ring[index], ring[first], ring[last])
                if distance > worstDistance {
                    worstDistance = distance
                    worst = index
                }
            }
            if worstDistance > limit {
                keep[worst] = true
                stack.append((first, worst))
                stack.append((worst, last))
            }
        }
        let kept = ring.indices.filter { keep[$0] }.map { ring[$0] }
        return kept.count >= 4 ? kept : ring
    }

    static func distanceSquared(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
    }

    static func segmentDistanceSquared(_ p: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        let length = distanceSquared(a, b)
        guard length > 0 else { return distanceSquared(p, a) }
        let t = min(max(((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length, 0), 1)
        return distanceSquared(p, (a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
    }
}
