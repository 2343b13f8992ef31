import DTIAnalysis
import DTICore
import DTIIngest
import DTIStorage
import DTIWorkflow
import Foundation
import Testing

/// The columnar scoring (values as columns, the result as flat columns) gives exactly what the
/// previous release's scoring by dictionaries gives (`ReferenceScoring`, kept as an oracle): every
/// score to the bit, every rank, flag and status, in the same order, on the samples and on seeded
/// random catalogues and data; and observations are scored as the same columns.
struct ColumnarScoringTests {
    /// Fails unless `columnar` holds the figures of `reference`, naming the first difference.
    static func expectIdentical(_ columnar: EditionResult, _ reference: [ReferenceScoring.Row], _ label: String) {
        #expect(columnar.rows.count == reference.count, "\(label): row count")
        for (left, right) in zip(columnar.rows, reference) {
            guard left.unit.code == right.unit.code else {
                Issue.record("\(label): unit \(left.unit.code) where \(right.unit.code) was")
                return
            }
            let leftBits = Dictionary(uniqueKeysWithValues: left.values.all.map { ($0.id, $0.value.bitPattern) })
            let rightBits = right.values.mapValues(\.bitPattern)
            if leftBits != rightBits {
                let entry = Set(leftBits.keys).union(rightBits.keys).sorted().first { leftBits[$0] != rightBits[$0] } ?? "?"
                Issue.record(
                    "\(label): \(left.unit.code) \(entry) is \(String(describing: left.values[entry])), was \(String(describing: right.values[entry]))"
                )
                return
            }
            let leftRanks = Dictionary(uniqueKeysWithValues: left.ranks.all.map { ($0.id, $0.rank) })
            #expect(leftRanks == right.ranks, "\(label): \(left.unit.code) ranks")
            #expect(left.flags == right.flags, "\(label): \(left.unit.code) flags")
            #expect(left.status == right.status, "\(label): \(left.unit.code) status")
        }
    }

    /// Every stored edition of a database scored both ways, in `unitSet` (each edition's own set when nil).
    static func compareStored(_ database: String, reference: ReferenceData, unitSet: UnitSet?, label: String) throws -> Int {
        let loader = try ResultLoader(reference: reference, databasePath: database)
        let store = try HistoryStore(path: database)
        var compared = 0
        let years = try unitSet.map { try loader.storedYears(in: $0) } ?? loader.nationalYears()
        for year in years {
            let inputs = try loader.scoringInputs(year: year, unitSet: unitSet)
            let expected = ReferenceScoring.score(
                try store.observations(year: year, unitSetID: inputs.storedSetID), edition: inputs.edition, catalogue: inputs.catalogue,
                registry: reference.registry, in: inputs.target.id)
            expectIdentical(try loader.result(year: year, unitSet: unitSet), expected, "\(label) \(year)")
            compared += 1
        }
        return compared
    }

    @Test func theProvinceSamplesInTheirOwnSetAndMergedIntoThe34() throws {
        let database = DumpComparisonTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try DumpComparisonTests.importFiles(["SampleData"], into: database)
        #expect(try Self.compareStored(database, reference: try ReferenceData(), unitSet: nil, label: "own") == 5)
        let merged = try ReferenceData(units: "34")
        #expect(try Self.compareStored(database, reference: merged, unitSet: merged.chosenUnitSet, label: "34") >= 5)
    }

    @Test func theComponentSample() throws {
        let database = DumpComparisonTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: database) }
        let catalogue = "Indicators/illustrative/dti-2022-components.yaml"
        _ = try DumpComparisonTests.importFiles(["SampleData/components/dti-2022-components.csv"], into: database, catalogue: catalogue)
        let reference = try ReferenceData(cataloguePath: DumpComparisonTests.root.appendingPathComponent(catalogue).path)
        #expect(try Self.compareStored(database, reference: reference, unitSet: nil, label: "components") == 1)
    }

    @Test func theCommuneSampleWholeAndNarrowed() throws {
        let database = DumpComparisonTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try DumpComparisonTests.importFiles(["SampleData/communes/bac-ninh-2025.csv"], into: database, units: "communes", parent: "24")
        for parent in [nil, "24"] {
            let reference = try ReferenceData(units: "communes", parent: parent)
            #expect(try Self.compareStored(database, reference: reference, unitSet: reference.chosenUnitSet, label: "communes \(parent ?? "")") == 1)
        }
    }

    /// Seeded random frameworks (pillars, indicators and components of every rule, unscored
    /// entries) and random values (gaps, statuses, values on rounding boundaries, a cell given
    /// twice), in shuffled order, scored both ways in the 63 provinces and merged into the 34.
    @Test(arguments: 0..<24) func seededRandomCatalogueAndData(seed: Int) throws {
        var random = RandomStream(seed: UInt64(seed) &+ 0x5eed, run: 0)
        let catalogue = try RandomCatalogue.make(&random)
        let registry = try ReferenceData().registry
        guard let provinces = registry.unitSet(UnitSet.provinces63ID) else { throw RandomCatalogue.Failure.noProvinces }
        let edition = Edition(year: 2022, framework: catalogue.framework, unitSet: UnitSet.provinces63ID)
        var observations: [Observation] = []
        let statuses: [DataStatus?] = [nil, .official, .provisional, .synthetic]
        for unit in provinces.units where random.next() % 10 != 0 {
            for node in catalogue.nodes where node.kind == .indicator || node.kind == .component {
                guard random.next() % 8 != 0 else { continue }
                let value: Double
                switch random.next() % 4 {
                case 0: value = Double(random.next() % 20_001) / 20_000  // on a .00005 boundary
                case 1: value = Double(random.next() % 3)
                case 2: value = Double(random.next() % 5_000)
                default: value = Double(random.next() % 1_000_000_007) / 1_000_000_007
                }
                let status = statuses[Int(random.next() % 4)]
                observations.append(
                    Observation(
                        year: 2022, unitCode: unit.code, indicatorID: node.id, value: value,
                        provenance: Provenance(file: "random.csv", line: observations.count + 2, status: status)))
                // Now and then the same cell twice (two files with one value): the later one counts.
                if random.next() % 10 == 0 {
                    observations.append(
                        Observation(
                            year: 2022, unitCode: unit.code, indicatorID: node.id, value: value / 2,
                            provenance: Provenance(file: "random.csv", line: observations.count + 2, status: status)))
                }
            }
        }
        for index in observations.indices.reversed() where index > 0 {
            observations.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        for target in [UnitSet.provinces63ID, UnitSet.provinces34ID] {
            let expected = ReferenceScoring.score(observations, edition: edition, catalogue: catalogue, registry: registry, in: target)
            let columnar = try EditionScoring.score(
                columns: EditionColumns(observations), edition: edition, catalogue: catalogue, registry: registry, in: target)
            Self.expectIdentical(columnar, expected, "seed \(seed) \(target)")
            let fromObservations = try EditionScoring.score(observations, edition: edition, catalogue: catalogue, registry: registry, in: target)
            #expect(fromObservations.rows == columnar.rows, "seed \(seed) \(target): observations scored as their columns")
        }
    }
}

/// A random framework as a catalogue file would give it.
enum RandomCatalogue {
    enum Failure: Error { case noProvinces }

    static func make(_ random: inout RandomStream) throws -> IndicatorCatalogue {
        var lines = ["version: 1", "framework: random", "title: Random", "index:", "  id: dti", "  name_vi: Chỉ số", "  name_en: Index"]
        let pillarCount = 1 + Int(random.next() % 4)
        var indicators: [(id: String, pillar: Int, points: Int)] = []
        for index in 0..<(pillarCount + Int(random.next() % 10)) {
            // Now and then an unscored entry (0 points), shown but not counted.
            let points = random.next() % 9 == 0 ? 0 : 10 * (1 + Int(random.next() % 10))
            indicators.append(("i\(index)", index % pillarCount, points))
        }
        let pillarPoints = (0..<pillarCount).map { pillar in indicators.filter { $0.pillar == pillar }.reduce(0) { $0 + $1.points } }
        lines.append("  points: \(pillarPoints.reduce(0, +))")
        lines.append("pillars:")
        for pillar in 0..<pillarCount {
            lines += ["  - id: p\(pillar)", "    name_vi: Trụ \(pillar)", "    name_en: Pillar \(pillar)", "    points: \(pillarPoints[pillar])"]
        }
        lines.append("indicators:")
        for indicator in indicators {
            lines += [
                "  - id: \(indicator.id)", "    name_vi: Chỉ số \(indicator.id)", "    name_en: Indicator \(indicator.id)",
                "    points: \(indicator.points)", "    counts_in: [dti, p\(indicator.pillar)]",
            ]
        }
        var components: [String] = []
        for indicator in indicators where indicator.points > 0 && random.next() % 2 == 0 {
            let parts = 1 + Int(random.next() % 4)
            var left = indicator.points
            for part in 0..<parts {
                let points = part == parts - 1 ? left : max(1, left / (parts - part) - Int(random.next() % 3))
                left -= points
                components += [
                    "  - id: \(indicator.id)_c\(part)", "    name_vi: Thành phần \(part)", "    name_en: Component \(part)",
                    "    counts_in: \(indicator.id)", "    points: \(points)",
                ]
                switch random.next() % 4 {
                case 0: components += ["    rule: ratio", "    target: \(1 + random.next() % 3)"]
                case 1: components += ["    rule: yes_half_no"]
                case 2: components += ["    rule: relative_to_best", "    measure: count", "    range: [0, 100000]"]
                default:
                    components += [
                        "    rule: steps", "    measure: count", "    range: [0, 100000]", "    steps:",
                        "      - {at_least: 1, points: \(max(1, points / 3))}", "      - {at_least: 100, points: \(points)}",
                    ]
                }
            }
        }
        if !components.isEmpty { lines += ["components:"] + components }
        return try CatalogueLoader.load(lines.joined(separator: "\n") + "\n", sourceName: "random.yaml")
    }
}

/// A set large enough to be scored in two halves on two threads (`EditionScoring.parallelFrom`):
/// the joined result is the oracle's, every unit, value, rank, flag and status, whatever the
/// split point.
struct ParallelScoringTests {
    @Test(arguments: [2_048, 3_000, 3_321, 4_097]) func aLargeSetScoredInHalvesIsTheOracles(unitCount: Int) throws {
        var random = RandomStream(seed: UInt64(unitCount), run: 0)
        let catalogue = try RandomCatalogue.make(&random)
        let units = (0..<unitCount).map { AdministrativeUnit(code: "U\($0)", name: "Đơn vị \($0)", fullName: "Đơn vị \($0)", nameEN: "Unit \($0)") }
        let set = UnitSet(id: "big", label: "big", units: units, regions: [])
        let registry = UnitRegistry([set])
        let edition = Edition(year: 2022, framework: catalogue.framework, unitSet: "big")
        var observations: [Observation] = []
        let statuses: [DataStatus?] = [nil, .official, .provisional, .synthetic]
        for unit in units where random.next() % 7 != 0 {
            for node in catalogue.nodes where node.kind == .indicator || node.kind == .component {
                guard random.next() % 5 != 0 else { continue }
                observations.append(
                    Observation(
                        year: 2022, unitCode: unit.code, indicatorID: node.id, value: Double(random.next() % 20_001) / 20_000,
                        provenance: Provenance(file: "big.csv", line: observations.count + 2, status: statuses[Int(random.next() % 4)])))
            }
        }
        let expected = ReferenceScoring.score(observations, edition: edition, catalogue: catalogue, registry: registry, in: "big")
        let columnar = try EditionScoring.score(
            columns: EditionColumns(observations), edition: edition, catalogue: catalogue, registry: registry, in: "big")
        #expect(columnar.rows.count == unitCount)
        ColumnarScoringTests.expectIdentical(columnar, expected, "\(unitCount) units")
    }
}
