/// Where each part of a map is drawn: in place, or in an inset for parts so far from the mainland
/// that fitting them would shrink it (Côn Đảo in Hồ Chí Minh City's map, Thổ Chu in An Giang's,
/// the Trường Sa special zone in Khánh Hòa's), and which cluster of units is too small to see and
/// is drawn again, enlarged (the inner wards of Hà Nội and Hồ Chí Minh City).
///
/// Decided from the geometry alone, not from a list of islands, so every province's map (and any
/// map a user gives) follows one rule:
/// 1. A *part* is one polygon of a unit. Parts whose boxes come within `gap` of each other (2% of
///    the map's larger side) form a *group*; the group with the most area is the mainland.
/// 2. With every group in place, the mainland gets the scale that fits the whole map into a frame
///    `frameAspect` times as tall as it is wide. When that is under `shrinkLimit` (0.8) of the scale
///    it would get alone, the groups farthest from it leave for insets, one by one, until what is
///    left in place fits at that share (or only the mainland is left).
/// 3. The groups that left, joined when they share a unit or lie close to each other, are the insets.
/// 4. Units in place whose box is under 1/40 of the drawing's width (12 of 480 units) are too small
///    to see or to point at. When at least 8 of them lie together (within 1/30 of the width of
///    each other) in a box under a third of the width, that box is the *zoom*: drawn again, enlarged
///    at most six times. (`MapDrawing` marks the small units no zoom shows, up to 12.)
/// Archipelagos drawn as shapes of their own (`UnitShape.archipelago`: Hoàng Sa and Trường Sa on the
/// national maps) are never moved: those maps show them in place, as they always have.
public struct MapLayout: Sendable, Equatable {
    /// One polygon of one shape: `map.shapes[shape].polygons[polygon]`.
    public struct Part: Sendable, Hashable, Comparable {
        public var shape: Int
        public var polygon: Int

        public init(shape: Int, polygon: Int) {
            self.shape = shape
            self.polygon = polygon
        }

        public static func < (a: Part, b: Part) -> Bool { (a.shape, a.polygon) < (b.shape, b.polygon) }
    }

    /// Parts drawn apart, in a box of their own at their own scale.
    public struct Inset: Sendable, Equatable {
        /// The codes of the units with a part in it, in the map's order.
        public var codes: [String]
        public var parts: [Part]
        public var bounds: GeoBounds
    }

    /// A cluster of units too small to see, drawn again enlarged.
    public struct Zoom: Sendable, Equatable {
        /// The box drawn, a little larger than the cluster's.
        public var bounds: GeoBounds
        /// The codes of the small units of the cluster.
        public var codes: [String]
    }

    /// The box of the parts drawn in place.
    public var bounds: GeoBounds
    public var insets: [Inset]
    public var zoom: Zoom?
    /// The codes of units in place too small to see (under `smallest` of the width), zoomed or not.
    public var small: [String]

    /// A unit smaller than this share of the drawing's width cannot be seen or pointed at.
    public static let smallest = 1.0 / 40

    /// The frame a map is fitted into: as tall as this times its width.
    public static let frameAspect = 1.4
    /// The share of its own scale the mainland must keep with the far parts in place.
    public static let shrinkLimit = 0.8

    /// Whether `part` is drawn in an inset (and which).
    public func inset(of part: Part) -> Int? {
        insets.firstIndex { $0.parts.contains(part) }
    }

    /// The layout of `map`; with `allowsInsets` false (a map of the whole country, which shows
    /// its islands and archipelagos in place), every part stays in place.
    public init(_ map: UnitMap, allowsInsets: Bool = true) {
        var parts: [(part: Part, box: GeoBounds, area: Double)] = []
        var fixed = GeoBounds.empty
        for (shapeIndex, shape) in map.shapes.enumerated() {
            for (polygonIndex, polygon) in shape.polygons.enumerated() {
                guard let ring = polygon.first, let box = GeoBounds(ring) else { continue }
                if shape.archipelago != nil {
                    fixed = fixed.union(box)
                } else {
                    parts.append((Part(shape: shapeIndex, polygon: polygonIndex), box, Self.area(ring)))
                }
            }
        }
        let all = parts.reduce(fixed) { $0.union($1.box) }
        guard !parts.isEmpty, !all.isEmpty else {
            self.init(bounds: all, insets: [], zoom: nil, small: [])
            return
        }
        let cosine = Trigonometry.cosine((all.south + all.north) / 2 * Double.pi / 180)
        func scale(_ box: GeoBounds) -> Double {
            let width = max((box.east - box.west) * cosine, 1e-9)
            let height = max(box.north - box.south, 1e-9)
            return min(1 / width, Self.frameAspect / height)
        }
        func distance(_ a: GeoBounds, _ b: GeoBounds) -> Double {
            let dx = max(0, max(a.west, b.west) - min(a.east, b.east)) * cosine
            let dy = max(0, max(a.south, b.south) - min(a.north, b.north))
            return (dx * dx + dy * dy).squareRoot()
        }

        // 1. Groups: parts within `gap` of each other, by union-find over the boxes.
        let gap = 0.02 * max((all.east - all.west) * cosine, all.north - all.south)
        var leader = DisjointSets(count: parts.count)
        // Sorted by west edge, so each part is compared only with those that may be near it.
        let order = parts.indices.sorted { (parts[$0].box.west, $0) < (parts[$1].box.west, $1) }
        for (position, i) in order.enumerated() {
            for j in order[(position + 1)...] {
                if (parts[j].box.west - parts[i].box.east) * cosine > gap { break }
                if distance(parts[i].box, parts[j].box) <= gap {
                    leader.join(i, j)
                }
            }
        }
        var byRoot: [Int: (members: [Int], box: GeoBounds, area: Double)] = [:]
        for i in parts.indices {
            let key = leader.root(i)
            var group = byRoot[key] ?? ([], .empty, 0)
            group.members.append(i)
            group.box = group.box.union(parts[i].box)
            group.area += parts[i].area
            byRoot[key] = group
        }
        // From here a group is its index in `groups`, in the order of its first part.
        let groups = byRoot.keys.sorted().compactMap { byRoot[$0] }
        let keys = Array(groups.indices)
        guard let mainland = keys.max(by: { (groups[$0].area, -$0) < (groups[$1].area, -$1) }) else {
            self.init(bounds: all, insets: [], zoom: nil, small: [])
            return
        }
        let mainBox = groups[mainland].box

        // 2. The farthest groups leave while the mainland is shrunk below `shrinkLimit`.
        let alone = scale(mainBox.union(fixed))
        var staying = keys.filter { $0 != mainland }.sorted {
            (distance(groups[$0].box, mainBox), -$0) < (distance(groups[$1].box, mainBox), -$1)
        }
        var leaving: [Int] = []
        func box(of kept: [Int]) -> GeoBounds { kept.reduce(mainBox.union(fixed)) { $0.union(groups[$1].box) } }
        // A unit is drawn whole, in place or in one inset: a group leaves with every group that
        // shares a unit with it (the mainland's units stay, with all their parts).
        let shapesOf = groups.map { Set($0.members.map { parts[$0].part.shape }) }
        let mainShapes = shapesOf[mainland]
        var pinned: Set<Int> = []
        while allowsInsets, let farthest = staying.last(where: { !pinned.contains($0) }), scale(box(of: staying)) < Self.shrinkLimit * alone {
            var shapes = shapesOf[farthest]
            var moved = [farthest]
            var grew = true
            while grew {
                grew = false
                for key in staying where !moved.contains(key) && !shapesOf[key].isDisjoint(with: shapes) {
                    moved.append(key)
                    shapes.formUnion(shapesOf[key])
                    grew = true
                }
            }
            guard shapes.isDisjoint(with: mainShapes) else {
                pinned.formUnion(moved)
                continue
            }
            leaving += moved
            staying.removeAll { moved.contains($0) }
        }

        // 3. Insets: the groups that left, joined when they share a unit or lie within a tenth of
        // the mainland's larger side of each other.
        let near = 0.1 * max((mainBox.east - mainBox.west) * cosine, mainBox.north - mainBox.south)
        var insets: [(groups: [Int], shapes: Set<Int>, box: GeoBounds)] = []
        for key in leaving.sorted() {
            let group = groups[key]
            let shapes = Set(group.members.map { parts[$0].part.shape })
            var joined = (groups: [key], shapes: shapes, box: group.box)
            // Merge with every inset this group touches (by unit or by nearness), keeping order.
            var kept: [(groups: [Int], shapes: Set<Int>, box: GeoBounds)] = []
            for inset in insets {
                if !inset.shapes.isDisjoint(with: joined.shapes) || distance(inset.box, joined.box) <= near {
                    joined = (inset.groups + joined.groups, inset.shapes.union(joined.shapes), inset.box.union(joined.box))
                } else {
                    kept.append(inset)
                }
            }
            insets = kept + [joined]
        }
        let built = insets.map { inset -> Inset in
            let members = inset.groups.flatMap { groups[$0].members }.map { parts[$0].part }.sorted()
            var codes: [String] = []
            for shape in Set(members.map(\.shape)).sorted() where !codes.contains(map.shapes[shape].code) {
                codes.append(map.shapes[shape].code)
            }
            return Inset(codes: codes, parts: members, bounds: inset.box)
        }
        .sorted { ($0.bounds.north, $0.bounds.west) > ($1.bounds.north, $1.bounds.west) }

        // 4. Units too small to see, and the cluster of them that is zoomed.
        let inPlace = box(of: staying)
        let width = max((inPlace.east - inPlace.west) * cosine, 1e-9)
        let inInset = Set(built.flatMap(\.parts))
        var unitBoxes: [(code: String, box: GeoBounds)] = []
        for entry in parts where !inInset.contains(entry.part) {
            let code = map.shapes[entry.part.shape].code
            if let last = unitBoxes.last, last.code == code {
                unitBoxes[unitBoxes.count - 1].box = last.box.union(entry.box)
            } else {
                unitBoxes.append((code, entry.box))
            }
        }
        let small = unitBoxes.filter { max(($0.box.east - $0.box.west) * cosine, $0.box.north - $0.box.south) < Self.smallest * width }
        var cluster = DisjointSets(count: small.count)
        for i in small.indices {
            for j in small.indices where j > i && distance(small[i].box, small[j].box) <= width / 30 { cluster.join(i, j) }
        }
        let clusters = Dictionary(grouping: small.indices, by: { cluster.root($0) }).values.sorted { ($0.count, -$0[0]) > ($1.count, -$1[0]) }
        var zoom: Zoom?
        if let largest = clusters.first, largest.count >= 8 {
            let box = largest.reduce(GeoBounds.empty) { $0.union(small[$1].box) }
            if max((box.east - box.west) * cosine, box.north - box.south) < width / 3 {
                // Enlarged at most 6 times (a sixth of the width at least), a little wider than
                // tall: more would magnify the outlines' simplification, not the units.
                var halfWidth = max((box.east - box.west) * cosine * 0.54, width / 12)
                let halfHeight = max((box.north - box.south) * 0.54, halfWidth * 0.6)
                halfWidth = max(halfWidth, halfHeight / 0.8)
                let centre = ((box.west + box.east) / 2, (box.south + box.north) / 2)
                let bounds = GeoBounds(
                    west: centre.0 - halfWidth / cosine, south: centre.1 - halfHeight, east: centre.0 + halfWidth / cosine,
                    north: centre.1 + halfHeight)
                zoom = Zoom(bounds: bounds, codes: largest.sorted().map { small[$0].code })
            }
        }
        self.init(bounds: inPlace, insets: built, zoom: zoom, small: small.map(\.code))
    }

    public init(bounds: GeoBounds, insets: [Inset], zoom: Zoom?, small: [String]) {
        self.bounds = bounds
        self.insets = insets
        self.zoom = zoom
        self.small = small
    }

    /// A ring's area in square degrees (shoelace), for choosing the mainland.
    static func area(_ ring: [GeoPoint]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        var previous = ring[ring.count - 1]
        for point in ring {
            sum += previous.longitude * point.latitude - point.longitude * previous.latitude
            previous = point
        }
        return abs(sum) / 2
    }
}

/// A box in degrees: west, south, east, north.
public struct GeoBounds: Sendable, Equatable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The box of `points`, or nil for none.
    public init?(_ points: [GeoPoint]) {
        guard let first = points.first else { return nil }
        self.init(west: first.longitude, south: first.latitude, east: first.longitude, north: first.latitude)
        for point in points.dropFirst() {
            west = min(west, point.longitude)
            east = max(east, point.longitude)
            south = min(south, point.latitude)
            north = max(north, point.latitude)
        }
    }

    /// The box of nothing: the union's identity.
    public static let empty = GeoBounds(west: .infinity, south: .infinity, east: -.infinity, north: -.infinity)

    public var isEmpty: Bool { west > east }

    public func union(_ other: GeoBounds) -> GeoBounds {
        GeoBounds(west: min(west, other.west), south: min(south, other.south), east: max(east, other.east), north: max(north, other.north))
    }

    /// The box grown by `fraction` of its size on every side.
    public func expanded(by fraction: Double) -> GeoBounds {
        let dx = (east - west) * fraction
        let dy = (north - south) * fraction
        return GeoBounds(west: west - dx, south: south - dy, east: east + dx, north: north + dy)
    }

    public func intersects(_ other: GeoBounds) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }

    /// As the tuple `MapProjection` and `UnitMap.bounds` use.
    public var tuple: (west: Double, south: Double, east: Double, north: Double) { (west, south, east, north) }
}
