import DTICore
import DTIWorkflow
import Foundation
import Testing

@testable import DTIStorage

/// The import writes the same history as before values were keyed by number: each database is
/// printed as `Scripts/dump-history.py` prints it, and compared with the dump of the database dti
/// wrote from the same files before the change (commit f70cb7f), kept in `Dumps/`.
struct DumpComparisonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One import as the command line runs it, with paths relative to the project as the dumps name them.
    static func importFiles(
        _ files: [String], into database: String, units: String? = nil, parent: String? = nil, catalogue: String? = nil, replace: Bool = false
    ) throws -> ImportWorkflow.Outcome {
        let reference = try ReferenceData(
            cataloguePath: catalogue.map { root.appendingPathComponent($0).path }, units: units, parent: parent)
        let paths = try DataFiles.expand(files.map { root.appendingPathComponent($0).path })
        return try ImportWorkflow.run(paths, reference: reference, databasePath: database, replace: replace, importedAt: "2026-12-05T00:00:00Z")
    }

    /// The history at `path` in the dump form, paths in the project written relative to it.
    static func dump(_ path: String) throws -> String {
        let connection = try SQLiteConnection(path: path, readOnly: true)
        let prefix = root.path + "/"
        func text(_ row: SQLiteStatement, _ column: Int32, real: Bool = false) -> String {
            if row.isNull(column) { return "NULL" }
            if real { return String(format: "%.17g", row.double(column)) }
            let value = row.text(column) ?? ""
            return value.hasPrefix(prefix) ? String(value.dropFirst(prefix.count)) : value
        }
        func rows(_ prefixWord: String, _ sql: String, columns: Int32, realColumns: Set<Int32> = []) throws -> [String] {
            var lines: [String] = []
            try connection.prepare(sql).query { row in
                lines.append(prefixWord + "|" + (0..<columns).map { text(row, $0, real: realColumns.contains($0)) }.joined(separator: "|"))
            }
            return lines
        }
        // The current values as the store gives them back: every number and provenance field
        // decoded from the stored blocks.
        let store = try HistoryStore(path: path)
        var lines: [String] = []
        for edition in try store.storedEditions() {
            for observation in try store.observations(year: edition.year, unitSetID: edition.unitSetID) {
                let provenance = observation.provenance
                func field(_ text: String?) -> String {
                    guard let text else { return "NULL" }
                    return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
                }
                let fields = [
                    observation.unitSetID, String(observation.year), observation.unitCode, observation.indicatorID,
                    String(format: "%.17g", observation.value), field(provenance.file), field(provenance.sha256), String(provenance.line),
                    field(provenance.column.map { String($0) }), field(provenance.sheet), field(provenance.source), field(provenance.note),
                    field(provenance.status?.rawValue),
                ]
                lines.append("value|" + fields.joined(separator: "|"))
            }
        }
        lines += try rows(
            "replaced",
            """
            SELECT h.unitSet, h.year, h.unitCode, h.indicatorID, h.value, b.file, b.sha256, h.line, h.valueColumn,
                h.sheet, h.source, h.note, h.status, r.file
            FROM observationHistory h JOIN importBatch b ON b.id = h.importBatchID JOIN importBatch r ON r.id = h.replacedByBatchID
            ORDER BY h.id
            """, columns: 14, realColumns: [4])
        lines += try rows("batch", "SELECT id, file, sha256 FROM importBatch ORDER BY id", columns: 3)
        lines += try rows("unitSet", "SELECT unitSet, fingerprint FROM unitSetRecord ORDER BY unitSet", columns: 2)
        lines += try rows(
            "member", "SELECT unitSet, code, name, parent, retired FROM unitSetMember ORDER BY CAST(unitSet AS BLOB), CAST(code AS BLOB)",
            columns: 5)
        return lines.map { $0 + "\n" }.joined()
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Tests/DTIWorkflowTests/Dumps/\(name).txt"), encoding: .utf8)
    }

    static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).sqlite").path
    }

    /// `database` dumped against the dump `name`; `respelt` when dti wrote the names itself (an
    /// import), not when they come from the old dump (a migration keeps them as stored).
    static func compare(_ database: String, with name: String, respelt: Bool = true) throws {
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        // Since issue 23 the names dti records are spelt with the official tone placement
        // ("Hòa Bình", not "Hoà Bình"), and a recorded list's fingerprint is of those names; every
        // other byte is as the previous version wrote it.
        func maskingFingerprints(_ text: String) -> String {
            text.replacing(/(?m)^(unitSet\|[^|]*\|)[0-9a-f]{64}/) { "\($0.output.1)FINGERPRINT" }
        }
        let actual = maskingFingerprints(try dump(database))
        let old = try expected(name)
        let expected = maskingFingerprints(respelt ? VietnameseSpelling.toneOnFirstVowel(old) : old)
        let firstDifference = zip(actual.split(separator: "\n"), expected.split(separator: "\n")).first { $0 != $1 }
        #expect(actual == expected, "first difference: \(firstDifference.map { "\($0.0)\n   was \($0.1)" } ?? "in length")")
    }

    @Test func theProvinceSamples() throws {
        let database = Self.scratch()
        let outcome = try Self.importFiles(
            ["SampleData/dti-2020.csv", "SampleData/dti-2021.csv", "SampleData/dti-2022.csv", "SampleData/dti-2023.csv", "SampleData/dti-2024.csv"],
            into: database)
        #expect(outcome.summary?.inserted == outcome.valueCount)
        try Self.compare(database, with: "samples")
    }

    @Test func theComponentSample() throws {
        let database = Self.scratch()
        _ = try Self.importFiles(
            ["SampleData/components/dti-2022-components.csv"], into: database, catalogue: "Indicators/illustrative/dti-2022-components.yaml")
        try Self.compare(database, with: "components")
    }

    @Test func theCommuneSample() throws {
        let database = Self.scratch()
        _ = try Self.importFiles(["SampleData/communes/bac-ninh-2025.csv"], into: database, units: "communes", parent: "24")
        try Self.compare(database, with: "communes")
    }

    @Test func theExamplesInEveryFormat() throws {
        let database = Self.scratch()
        _ = try Self.importFiles(["SampleData/examples"], into: database)
        try Self.compare(database, with: "examples")
    }

    /// A second import replacing three values: the old ones in the history, linked to the new file.
    @Test func aReplacingImport() throws {
        let database = Self.scratch()
        _ = try Self.importFiles(["SampleData/dti-2023.csv"], into: database)
        let again = try Self.importFiles(["Tests/DTIWorkflowTests/Dumps/dti-2023-revised.csv"], into: database, replace: true)
        #expect(again.summary?.replaced == 3)
        #expect(again.summary?.unchanged == again.valueCount - 3)
        try Self.compare(database, with: "replace")
    }
}

/// A database in the layout before values were keyed by number is upgraded with every value,
/// replaced value and unit record kept: it is filled from a dump, opened, and dumped again.
struct NumberKeyMigrationTests {
    @Test func everyValueAndItsHistorySurviveTheMigration() throws {
        let path = DumpComparisonTests.scratch()
        let dump = try DumpComparisonTests.expected("replace")
        do {
            let old = try SQLiteConnection(path: path)
            try old.execute("CREATE TABLE schemaMigration (name TEXT PRIMARY KEY NOT NULL)")
            let before = Migrations.all.prefix { $0.name != "keyValuesByNumber" }
            // The migration under test, then recordParentSets, which adds a column this dump lacks, and
            // valuesInBlocks, which moves the values into blocks.
            #expect(before.count == Migrations.all.count - 3, "the migration under test is the last but two")
            for migration in before {
                try old.execute(migration.sql.replacingOccurrences(of: Migrations.editionUnitSetTable, with: "(SELECT 0 AS year, '' AS unitSet)"))
                try old.prepare("INSERT INTO schemaMigration (name) VALUES (?)").run([.text(migration.name)])
            }
            func value(_ field: Substring) -> SQLiteStatement.Value {
                field == "NULL" ? .null : .text(String(field))
            }
            var batchIDs: [String: String] = [:]
            for line in dump.split(separator: "\n") where line.hasPrefix("batch|") {
                let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                batchIDs[String(fields[2])] = String(fields[1])
                try old.prepare("INSERT INTO importBatch (id, file, importedAt, sha256) VALUES (?, ?, 'then', ?)").run([
                    value(fields[1]), value(fields[2]), value(fields[3]),
                ])
            }
            for line in dump.split(separator: "\n") {
                let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                switch fields[0] {
                case "value":
                    try old.prepare(
                        """
                        INSERT INTO observation (unitSet, year, unitCode, indicatorID, value, importBatchID, line, valueColumn, sheet, source, note, status)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS REAL), (SELECT id FROM importBatch WHERE file = ?6 AND sha256 IS ?7), ?8, ?9, ?10, ?11, ?12, ?13)
                        """
                    ).run(fields[1...13].map(value))
                case "replaced":
                    try old.prepare(
                        """
                        INSERT INTO observationHistory (unitSet, year, unitCode, indicatorID, value, importBatchID, line, valueColumn, sheet,
                            source, note, status, replacedByBatchID)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS REAL), (SELECT id FROM importBatch WHERE file = ?6 AND sha256 IS ?7), ?8, ?9, ?10,
                            ?11, ?12, ?13, (SELECT id FROM importBatch WHERE file = ?14))
                        """
                    ).run(fields[1...14].map(value))
                case "unitSet":
                    try old.prepare("INSERT INTO unitSetRecord (unitSet, fingerprint, source, recordedAt) VALUES (?, ?, 'then', 'then')").run(
                        fields[1...2].map(value))
                case "member":
                    try old.prepare("INSERT INTO unitSetMember (unitSet, code, name, parent, retired) VALUES (?, ?, ?, ?, ?)").run(
                        fields[1...5].map(value))
                default: continue
                }
            }
        }
        let store = try HistoryStore(path: path)
        #expect(try store.storedEditions().map(\.count) == [dump.split(separator: "\n").filter { $0.hasPrefix("value|") }.count])
        try DumpComparisonTests.compare(path, with: "replace", respelt: false)
    }
}
