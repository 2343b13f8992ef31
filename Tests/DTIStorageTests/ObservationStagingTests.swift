import DTICore
import DTIStorage
import Foundation
import Testing

/// The staging area finds values given twice and hands values back in the order they were read,
/// in memory and, beyond its bound, in its temporary database: each test runs with both (a bound
/// of 0 puts everything on disk, 3 moves it there after the first batch).
struct ObservationStagingTests {
    static let bounds = [ObservationStaging.defaultMemoryLimit, 0, 3]

    static func observation(_ unit: String, _ indicator: String, _ value: Double, year: Int = 2022, file: String = "a.csv", line: Int)
        -> Observation
    {
        Observation(
            year: year, unitCode: unit, indicatorID: indicator, value: value,
            provenance: Provenance(file: file, line: line, column: 4, sha256: "ab", source: "s", note: "n", status: .synthetic, sheet: "S"))
    }

    @Test(arguments: bounds) func aRepeatIsReturnedWithTheFirstWhichStays(bound: Int) throws {
        let staging = try ObservationStaging(memoryLimit: bound)
        let first = Self.observation("48", "awareness", 0.5, line: 2)
        #expect(try staging.add([first, Self.observation("27", "awareness", 0.7, line: 3)]).isEmpty)
        let again = Self.observation("48", "awareness", 0.6, file: "b.csv", line: 9)
        let repeats = try staging.add([again])
        #expect(repeats.map(\.first) == [first])
        #expect(repeats.map(\.again) == [again])
        #expect(staging.count == 2)
        #expect(try staging.all() == [first, Self.observation("27", "awareness", 0.7, line: 3)])
    }

    /// Repeats are found while each unit's values come as one run (the run's entries alone are
    /// remembered), and after a unit comes back (every value is then put in a table that grows).
    @Test func aRepeatIsFoundInARunAndAfterTheRunsBreak() throws {
        let staging = try ObservationStaging()
        var line = 1
        func value(_ unit: String, _ indicator: String, year: Int = 2022) -> Observation {
            line += 1
            return Self.observation(unit, indicator, 0.5, year: year, line: line)
        }
        let first = [value("48", "a"), value("48", "b")]
        var repeats = try staging.add(first + [value("48", "a"), value("48", "a", year: 2023), value("27", "a"), value("27", "c")])
        #expect(repeats.map(\.first.provenance.line) == [2])
        #expect(repeats.map(\.again.provenance.line) == [4])
        // 48 in 2022 comes back after 27: from here on the table answers.
        repeats = try staging.add([value("48", "c"), value("48", "b"), value("27", "a"), value("48", "a", year: 2023)])
        #expect(repeats.map(\.first.provenance.line) == [3, 6, 5])
        let many = (0..<5000).map { value("01", "i\($0)") }
        #expect(try staging.add(many).isEmpty)
        #expect(
            try staging.add([value("01", "i4999"), value("01", "i0")]).map(\.first.provenance.line) == [
                many[4999].provenance.line, many[0].provenance.line,
            ])
        #expect(staging.count == 5 + 1 + 5000)
    }

    @Test(arguments: bounds) func valuesComeBackInReadOrderInBatchesAndByUnitAndEdition(bound: Int) throws {
        let staging = try ObservationStaging(memoryLimit: bound)
        let values = (0..<25).map { Self.observation(["48", "01", "27"][$0 % 3], "i\($0)", Double($0) / 100, year: 2021 + $0 % 2, line: $0 + 2) }
        _ = try staging.add(Array(values[..<2]))
        _ = try staging.add(Array(values[2...]))
        #expect(staging.isOnDisk == (bound < values.count))
        #expect(try staging.unitCodes(year: 2021, unitSetID: UnitSet.provinces63ID) == ["48", "01", "27"])
        #expect(try staging.firstFile(year: 2022, unitSetID: UnitSet.provinces63ID) == "a.csv")
        let spans = try staging.editionsByFile()
        #expect(spans.map { "\($0.file) \($0.year) \($0.count) \($0.first.line)" } == ["a.csv 2021 13 2", "a.csv 2022 12 3"])
        var batches: [[Observation]] = []
        try staging.forEachBatch(size: 10) { batches.append($0) }
        #expect(batches.map(\.count) == [10, 10, 5])
        #expect(batches.flatMap { $0 } == values)
        var groups: [[Observation]] = []
        try staging.forEachUnitEdition { groups.append($0) }
        #expect(groups.map { "\($0[0].year)/\($0[0].unitCode)" } == ["2021/01", "2021/27", "2021/48", "2022/01", "2022/27", "2022/48"])
        #expect(groups.allSatisfy { group in group.map(\.provenance.line) == group.map(\.provenance.line).sorted() })
        #expect(groups.flatMap { $0 }.count == 25)
        #expect(staging.years == [2021, 2022])
    }

    @Test(arguments: bounds) func conflictsAreCountedAndTheFirstHundredDescribed(bound: Int) throws {
        let path = HistoryStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        let stored = (0..<150).map { Self.observation("48", "i\($0)", 0.5, line: $0 + 2) }
        _ = try store.store(stored, importedAt: "t1")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let staging = try ObservationStaging(memoryLimit: bound)
        _ = try staging.add(
            [Self.observation("27", "new", 0.1, line: 2)]
                + stored.map { Self.observation("48", $0.indicatorID, 0.6, file: "b.csv", line: $0.provenance.line) })
        do {
            _ = try store.store(from: staging, importedAt: "t2")
            Issue.record("conflicting values were stored")
        } catch {
            guard case let .conflicts(listed, total) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(listed.count == 100)
            #expect(total == 150)
            #expect(listed.first?.description.hasPrefix("2022/48/i0: b.csv") == true, "\(String(describing: listed.first))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let summary = try store.store(from: staging, importedAt: "t3", replace: true)
        #expect(summary.inserted == 1 && summary.replaced == 150)
    }
}
