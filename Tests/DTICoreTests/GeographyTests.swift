import DTICore
import Testing

/// Map classes, line simplification and the check that a map fits its unit set.
struct GeographyTests {
    @Test func quantileClassesHoldAboutAsManyUnitsEach() {
        let values = (0..<10).map { Double($0) / 10 }  // 0.0 … 0.9
        let classes = ClassBreaks(values, count: 5)
        #expect(classes.bounds == [0, 0.2, 0.4, 0.6, 0.8, 0.9])
        #expect(classes.count == 5)
        let counts = (0..<5).map { index in values.filter { classes.index(of: $0) == index }.count }
        #expect(counts == [2, 2, 2, 2, 2])
    }

    @Test func classesAreHalfOpenWithAClosedLastOneOnPublishedValues() {
        let classes = ClassBreaks([0.5, 0.6, 0.7, 0.8], count: 2)
        #expect(classes.bounds == [0.5, 0.7, 0.8])
        #expect(classes.index(of: 0.69995) == 1)  // shown as 0,7000: in the class that starts at 0,7000
        #expect(classes.index(of: 0.69994) == 0)
        #expect(classes.index(of: 0.8) == 1)  // the last bound belongs to the last class
        #expect(classes.index(of: 0.80006) == nil)
        #expect(classes.index(of: 0.4) == nil)
    }

    @Test func withFewValuesTheHighestIsNotLumpedWithTheLowest() {
        let classes = ClassBreaks([0.545, 0.545, 0.8002], count: 5)
        #expect(classes.count == 2)
        #expect(classes.index(of: 0.545) == 0)
        #expect(classes.index(of: 0.8002) == 1)
    }

    @Test func equalValuesGiveOneClassAndNoValuesNone() {
        let same = ClassBreaks([0.7, 0.7, 0.7], count: 5)
        #expect(same.count == 1)
        #expect(same.index(of: 0.7) == 0)
        #expect(ClassBreaks([], count: 5).count == 0)
        #expect(ClassBreaks([], count: 5).index(of: 0.5) == nil)
    }

    @Test func simplificationDropsPointsOnAStraightEdgeAndKeepsCorners() {
        // A square with extra points along each edge.
        var ring: [(x: Double, y: Double)] = []
        for x in stride(from: 0.0, to: 10, by: 1) { ring.append((x, 0)) }
        for y in stride(from: 0.0, to: 10, by: 1) { ring.append((10, y)) }
        for x in stride(from: 10.0, to: 0, by: -1) { ring.append((x, 10)) }
        for y in stride(from: 10.0, to: 0, by: -1) { ring.append((0, y)) }
        ring.append((0, 0))
        let kept = LineSimplification.simplify(ring, tolerance: 0.5)
        #expect(kept.count == 5)
        for corner in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)] {
            #expect(kept.contains { $0.x == corner.0 && $0.y == corner.1 })
        }
        #expect(kept.first! == ring.first! && kept.last! == ring.last!)
    }

    @Test func simplificationKeepsADentLargerThanTheTolerance() {
        let ring: [(x: Double, y: Double)] = [(0, 0), (5, 0), (5, 3), (6, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
        #expect(LineSimplification.simplify(ring, tolerance: 1).contains { $0 == (5, 3) })
        #expect(!LineSimplification.simplify(ring, tolerance: 4).contains { $0 == (5, 3) })
        // A ring of four points or fewer (an islet) is never thinned away.
        let islet: [(x: Double, y: Double)] = [(0, 0), (0.1, 0), (0, 0.1), (0, 0)]
        #expect(LineSimplification.simplify(islet, tolerance: 5).count == 4)
    }

    @Test func aMapThatDoesNotFitItsUnitsSaysWhich() throws {
        let units = try #require(Fixtures.registry().unitSet("old"))
        let square = [[[GeoPoint(longitude: 105, latitude: 21), GeoPoint(longitude: 106, latitude: 21), GeoPoint(longitude: 105, latitude: 22)]]]
        var shapes = units.units.dropFirst().map { UnitShape(code: $0.code, name: $0.name, polygons: square) }
        shapes.append(UnitShape(code: "99", name: "Nowhere", polygons: square))
        shapes.append(UnitShape(code: "98", name: "Sea", archipelago: "Isles", polygons: square))
        let mismatches = UnitMap(note: "test", shapes: shapes).mismatches(with: units)
        #expect(mismatches.withoutShape == [units.units[0].code])
        #expect(mismatches.withoutUnit == ["99", "98"])
        let bounds = UnitMap(note: "test", shapes: shapes).bounds
        #expect(bounds.west == 105 && bounds.east == 106 && bounds.south == 21 && bounds.north == 22)
    }
}
