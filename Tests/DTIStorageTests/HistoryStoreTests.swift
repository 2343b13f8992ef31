import DTICore
import Foundation
import Testing

@testable import DTIStorage

struct HistoryStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dti-\(UUID().uuidString).sqlite").path
    }

    static func observation(_ unit: String, _ indicator: String, _ value: Double, file: String = "a.csv", line: Int = 2) -> Observation {
        Observation(
            year: 2022, unitCode: unit, indicatorID: indicator, value: value,
            provenance: Provenance(file: file, line: line, source: "s", status: .synthetic))
    }

    @Test func storedValuesComeBackWithTheirProvenance() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        let summary = try store.store(
            [Self.observation("48", "awareness", 1.0), Self.observation("27", "awareness", 0.5, line: 3)], importedAt: "2026-01-01T00:00:00Z")
        #expect(summary.inserted == 2)
        let back = try store.observations(year: 2022)
        #expect(back == [Self.observation("27", "awareness", 0.5, line: 3), Self.observation("48", "awareness", 1.0)])
        #expect(try store.storedYears().map(\.year) == [2022])
    }

    @Test func importingTheSameValuesAgainChangesNothing() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        let values = [Self.observation("48", "awareness", 1.0)]
        _ = try store.store(values, importedAt: "t1")
        let again = try store.store(values, importedAt: "t2")
        #expect(again.inserted == 0 && again.unchanged == 1)
    }

    @Test func aConflictingValueIsRefusedWithBothSourcesAndNothingIsWritten() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        _ = try store.store([Self.observation("48", "awareness", 1.0)], importedAt: "t1")
        let incoming = [Self.observation("27", "awareness", 0.4, file: "b.csv"), Self.observation("48", "awareness", 0.9, file: "b.csv", line: 5)]
        #expect(
            throws: StorageError.conflicts(
                [
                    StoredConflict(
                        key: "2022/48/awareness", newValue: 0.9, newSource: "b.csv:5", storedValue: 1.0, storedSource: "a.csv:2 (imported t1)")
                ], total: 1)
        ) {
            try store.store(incoming, importedAt: "t2")
        }
        #expect(try store.observations(year: 2022).map(\.unitCode) == ["48"])
        let replaced = try store.store(incoming, importedAt: "t3", replace: true)
        #expect(replaced.inserted == 1 && replaced.replaced == 1)
        #expect(try store.observations(year: 2022).first { $0.unitCode == "48" }?.value == 0.9)
    }

    @Test func anImportThatFailsHalfwayLeavesTheDatabaseByteForByteUnchanged() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try HistoryStore(path: path)
            _ = try store.store([Self.observation("48", "awareness", 1.0)], importedAt: "t1")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try HistoryStore(path: path)
            // A NaN is refused when its unit's block is written, after the two other units' blocks
            // were already written inside the transaction.
            let batch = [
                Self.observation("01", "awareness", 0.3), Self.observation("02", "awareness", 0.4), Self.observation("04", "awareness", .nan),
            ]
            #expect(throws: StorageError.self) { try store.store(batch, importedAt: "t2") }
            #expect(try store.observations(year: 2022).map(\.unitCode) == ["48"])
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before == after)
    }
}

struct ProvenanceHistoryTests {
    static func observation(_ value: Double, file: String, sha: String) -> Observation {
        Observation(
            year: 2022, unitCode: "48", indicatorID: "awareness", value: value,
            provenance: Provenance(file: file, line: 7, column: 25, sha256: sha, source: "s", status: .synthetic))
    }

    @Test func replaceKeepsTheOldValueInTheHistoryWithBothFiles() throws {
        let path = HistoryStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        _ = try store.store([Self.observation(0.5, file: "first.csv", sha: "aaaa")], importedAt: "t1")
        let again = try store.store([Self.observation(0.5, file: "first.csv", sha: "aaaa")], importedAt: "t2")
        #expect(again == HistoryStore.ImportSummary(inserted: 0, unchanged: 1, replaced: 0))
        _ = try store.store([Self.observation(0.7, file: "second.csv", sha: "bbbb")], importedAt: "t3", replace: true)
        let history = try store.history(unitCode: "48", year: 2022)
        #expect(history.map(\.value) == [0.5, 0.7])
        #expect(
            history[0].file == "first.csv" && history[0].sha256 == "aaaa" && history[0].replacedAt == "t3" && history[0].replacedBy == "second.csv")
        #expect(history[1].file == "second.csv" && history[1].replacedAt == nil && history[1].importedAt == "t3")
        let current = try store.observations(year: 2022)
        #expect(current.map(\.provenance.sha256) == ["bbbb"])
        #expect(current.map(\.provenance.column) == [25])
    }
}
