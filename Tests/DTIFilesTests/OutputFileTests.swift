import Foundation
import Testing

@testable import DTIFiles

/// `--out FILE` never replaces the database in use, under any name, and without `--force`
/// neither an SQLite file nor a file dti did not write.
struct OutputFileTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theDatabaseInUseIsRefusedUnderAnyNameEvenWithForce() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        try Data("SQLite format 3\0rest".utf8).write(to: URL(fileURLWithPath: database))
        try Data("journal".utf8).write(to: URL(fileURLWithPath: database + "-wal"))
        let alias = folder.appendingPathComponent("alias").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: folder.path)
        let link = folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: database)
        for path in [database, alias + "/history.sqlite", database + "-wal", link] {
            #expect(throws: FileSafetyError.databaseInUse(path: path, database: database)) {
                _ = try OutputFile(path: path, database: database, rule: .writtenByDTI(force: true))
            }
            #expect(throws: FileSafetyError.databaseInUse(path: path, database: database)) {
                _ = try OutputFile(path: path, database: database, rule: .checkedByCaller)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == Data("SQLite format 3\0rest".utf8))
    }

    @Test func anotherFileIsReplacedOnlyWithForceAndOwnOutputAlways() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.txt").path
        let other = folder.appendingPathComponent("other.sqlite").path
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: notes))
        try Data("SQLite format 3\0".utf8).write(to: URL(fileURLWithPath: other))
        #expect(throws: FileSafetyError.notWrittenByDTI(path: notes)) {
            _ = try OutputFile(path: notes, database: nil, rule: .writtenByDTI(force: false))
        }
        #expect(throws: FileSafetyError.sqliteDatabase(path: other)) {
            _ = try OutputFile(path: other, database: nil, rule: .writtenByDTI(force: false))
        }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")

        let ranking = folder.appendingPathComponent("ranking.csv").path
        try OutputFile(path: ranking, database: nil, rule: .writtenByDTI(force: false)).write(Data("first\n".utf8))
        // Listed in .dti-outputs, so the next run replaces it without --force.
        try OutputFile(path: ranking, database: nil, rule: .writtenByDTI(force: false)).write(Data("second\n".utf8))
        #expect(try String(contentsOfFile: ranking, encoding: .utf8) == "second\n")
        let ledger = try String(contentsOf: folder.appendingPathComponent(OutputFile.ledgerName), encoding: .utf8)
        #expect(ledger == "\(FileManifest.hash(Array("second\n".utf8)))  ranking.csv\n")

        try OutputFile(path: notes, database: nil, rule: .writtenByDTI(force: true)).write(Data("replaced\n".utf8))
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "replaced\n")

        // A killed run's leftover beside the file goes with the next write.
        let leftover = folder.appendingPathComponent(".ranking.csv.0123456789abcdef.dti-tmp")
        try Data("half".utf8).write(to: leftover)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: leftover.path)
        try OutputFile(path: ranking, database: nil, rule: .writtenByDTI(force: false)).write(Data("third\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    /// The ledger lists what dti wrote with its digest: a file at a listed name whose content is
    /// no longer what dti wrote (the user's own file now) is not replaced without --force.
    @Test func aListedFileWhoseContentChangedIsNotReplaced() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("results.csv").path
        try OutputFile(path: results, database: nil, rule: .writtenByDTI(force: false)).write(Data("dti's\n".utf8))
        try Data("the user's own results\n".utf8).write(to: URL(fileURLWithPath: results))
        #expect(throws: FileSafetyError.changedSinceWritten(path: results)) {
            _ = try OutputFile(path: results, database: nil, rule: .writtenByDTI(force: false))
        }
        #expect(try String(contentsOfFile: results, encoding: .utf8) == "the user's own results\n")
        try OutputFile(path: results, database: nil, rule: .writtenByDTI(force: true)).write(Data("again\n".utf8))
        try OutputFile(path: results, database: nil, rule: .writtenByDTI(force: false)).write(Data("and again\n".utf8))
        #expect(try String(contentsOfFile: results, encoding: .utf8) == "and again\n")
    }

    /// A link or a pipe at the ledger is refused before anything is written, so what the command
    /// says (nothing written) is what happened, and the next run is not refused for it.
    @Test func aLinkOrAPipeAtTheLedgerIsRefusedBeforeWriting() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent(OutputFile.ledgerName).path
        let elsewhere = folder.appendingPathComponent("elsewhere").path
        try Data().write(to: URL(fileURLWithPath: elsewhere))
        for make in [
            { try FileManager.default.createSymbolicLink(atPath: ledger, withDestinationPath: elsewhere) }, { #expect(mkfifo(ledger, 0o600) == 0) },
        ] {
            try? FileManager.default.removeItem(atPath: ledger)
            try make()
            let ranking = folder.appendingPathComponent("ranking.csv").path
            #expect(throws: FileSafetyError.ledgerNotAFile(path: ranking, ledger: ledger)) {
                try OutputFile(path: ranking, database: nil, rule: .writtenByDTI(force: false)).write(Data("x\n".utf8))
            }
            #expect(!FileManager.default.fileExists(atPath: ranking))
        }
    }

    @Test func aFolderALinkOrAPipeIsNeverAnOutputFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("out.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/hostname")
        let pipe = folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: FileSafetyError.link(path: link)) { _ = try OutputFile(path: link, database: nil, rule: .writtenByDTI(force: true)) }
        #expect(throws: FileSafetyError.notARegularFile(path: pipe)) {
            _ = try OutputFile(path: pipe, database: nil, rule: .writtenByDTI(force: true))
        }
        #expect(throws: FileSafetyError.folderInTheWay(path: folder.path)) {
            _ = try OutputFile(path: folder.path, database: nil, rule: .writtenByDTI(force: true))
        }
    }
}
