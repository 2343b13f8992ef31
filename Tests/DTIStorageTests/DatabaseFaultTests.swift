import DTICore
import Foundation
import Testing

@testable import DTIStorage

/// Databases that are not what they should be: another program's, not a database, older, newer.
struct DatabaseFaultTests {
    typealias Helpers = HistoryStoreTests

    @Test func anotherProgramsDatabaseIsRefusedAndLeftByteForByte() throws {
        let path = Helpers.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let other = try SQLiteConnection(path: path)
            try other.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StorageError.notDTIDatabase(path: path, tables: ["notes"])) { try HistoryStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFileThatIsNotADatabaseIsNamedAsSuchAndLeftAlone() throws {
        let path = Helpers.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Data("province,year,indicator,value\nHà Nội,2022,awareness,0.5\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.notADatabase(path: path)) { try HistoryStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func aNewerDatabaseIsRefusedWithItsVersion() throws {
        let path = Helpers.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try HistoryStore(path: path)
        try SQLiteConnection(path: path).execute("INSERT INTO schemaMigration (name) VALUES ('fromTheFuture')")
        do {
            _ = try HistoryStore(path: path)
            Issue.record("a newer database was opened")
        } catch {
            #expect("\(error)".contains("written by a newer dti (schema version \(Migrations.all.count + 1), with fromTheFuture"))
        }
    }

    /// An older database is upgraded whole or not at all: here the second migration fails (its
    /// table already exists), and the first one's state is what remains.
    @Test func anOlderDatabaseIsMigratedInOneTransaction() throws {
        let path = Helpers.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let old = try SQLiteConnection(path: path)
            try old.execute("CREATE TABLE schemaMigration (name TEXT PRIMARY KEY NOT NULL)")
            try old.execute(Migrations.all[0].sql)
            try old.execute("INSERT INTO schemaMigration (name) VALUES ('\(Migrations.all[0].name)')")
            try old.execute("INSERT INTO importBatch (file, importedAt) VALUES ('a.csv', 'then')")
            try old.execute(
                "INSERT INTO observation (year, unitCode, indicatorID, value, importBatchID, line) VALUES (2022, '48', 'awareness', 0.9, 1, 2)")
            try old.execute("CREATE TABLE observationHistory (x)")  // makes the next migration fail
        }
        #expect(throws: (any Error).self) { try HistoryStore(path: path) }
        let check = try SQLiteConnection(path: path)
        var applied: [String] = []
        try check.prepare("SELECT name FROM schemaMigration").query { row in applied.append(row.text(0) ?? "") }
        #expect(applied == [Migrations.all[0].name])
        var columns: [String] = []
        try check.prepare("SELECT name FROM pragma_table_info('importBatch')").query { row in columns.append(row.text(0) ?? "") }
        #expect(!columns.contains("sha256"), "the first statement of the failed migration stayed")

        // Without the obstacle, the same database upgrades and keeps its value.
        try check.execute("DROP TABLE observationHistory")
        let store = try HistoryStore(path: path)
        #expect(try store.observations(year: 2022).map(\.value) == [0.9])
    }

    @Test func aBackupHoldsTheSameHistory() throws {
        let path = Helpers.temporaryPath()
        let copy = Helpers.temporaryPath()
        defer { for file in [path, copy] { try? FileManager.default.removeItem(atPath: file) } }
        let store = try HistoryStore(path: path)
        _ = try store.store([Helpers.observation("48", "awareness", 1.0), Helpers.observation("27", "awareness", 0.5, line: 3)], importedAt: "now")
        try store.backup(to: copy)
        #expect(HistoryStore.isHistoryDatabase(at: copy))
        #expect(try HistoryStore(path: copy).observations(year: 2022) == (try store.observations(year: 2022)))
    }
}
