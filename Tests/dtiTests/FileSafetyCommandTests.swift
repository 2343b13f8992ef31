import Foundation
import Testing

/// Writes only where asked, run as a user runs dti: links planted in a report folder, an `--out`
/// that names the database or someone's file, a backup through an alias of the database's folder.
struct FileSafetyCommandTests {
    typealias E2E = EndToEndTests

    @Test func aReportFolderWithPlantedLinksWritesNothingThrough() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("rep")
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        let precious = scratch.appendingPathComponent("precious.txt")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: precious)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("charts").path, withDestinationPath: elsewhere.path)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("national.md").path, withDestinationPath: precious.path)
        let arguments = ["report", "--year", "2024", "--format", "markdown", "--out", out.path]

        let run = try E2E.run(arguments, database: database)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("charts, national.md in \(out.path) are symbolic links; dti does not write through links, and nothing was written"),
            "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")

        try FileManager.default.removeItem(at: out.appendingPathComponent("charts"))
        let second = try E2E.run(arguments, database: database)
        #expect(second.status == 1)
        #expect(second.stderr.contains("national.md in \(out.path) is a symbolic link"), "\(second.stderr)")
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")
    }

    @Test func aKilledRunsTemporaryFilesGoAndNewOnesCannotBePredicted() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("rep")
        let precious = scratch.appendingPathComponent("precious.txt")
        try Data("precious\n".utf8).write(to: precious)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The fixed name earlier versions used: a link there must not be written through.
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent(".national.md.dti-tmp").path, withDestinationPath: precious.path)
        let leftover = out.appendingPathComponent(".index.md.0123456789abcdef.dti-tmp")
        try Data("half a page".utf8).write(to: leftover)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: leftover.path)

        let run = try E2E.run(["report", "--year", "2024", "--format", "markdown", "--out", out.path], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: precious, encoding: .utf8) == "precious\n")
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "a stale temporary file stayed")
        #expect(try String(contentsOf: out.appendingPathComponent("national.md"), encoding: .utf8).contains("DTI"))
    }

    @Test func anOutputNeverReplacesTheDatabaseAndAnotherFileOnlyWithForce() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let commands: [[String]] = [
            ["rank", "--year", "2024", "--format", "csv", "--out", database],
            ["rank", "--year", "2024", "--format", "csv", "--force", "--out", database],
            ["compare", "Bắc Ninh", "Bắc Giang", "--year", "2024", "--out", database],
            ["template", "--year", "2024", "--format", "csv", "--out", database],
            ["sensitivity", "--year", "2024", "--runs", "10", "--runs-out", database],
        ]
        for arguments in commands {
            let run = try E2E.run(arguments, database: database)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("is the history database in use"), "\(arguments): \(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

        let notes = scratch.appendingPathComponent("notes.txt")
        try Data("my notes\n".utf8).write(to: notes)
        let refused = try E2E.run(["rank", "--year", "2024", "--format", "csv", "--out", notes.path], database: database)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("exists and dti did not write it; dti does not replace it"), "\(refused.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes\n")
        let forced = try E2E.run(["rank", "--year", "2024", "--format", "csv", "--out", notes.path, "--force"], database: database)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8).contains("Hà Nội"))

        let ranking = scratch.appendingPathComponent("ranking.csv").path
        for _ in 0..<2 {
            let own = try E2E.run(["rank", "--year", "2024", "--format", "csv", "--out", ranking], database: database)
            #expect(own.status == 0, "dti's own output is replaced without --force: \(own.stderr)")
        }
    }

    @Test func aBackupThroughAnAliasOfTheDatabasesFolderIsRefused() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let alias = scratch.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: scratch.path)
        let run = try E2E.run(["backup", "--out", alias.appendingPathComponent("history.sqlite").path], database: database)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is the history database in use (\(database)); dti never writes over it"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

        let copy = scratch.appendingPathComponent("copy.sqlite").path
        for _ in 0..<2 {
            let backup = try E2E.run(["backup", "--out", copy], database: database)
            #expect(backup.status == 0, "a backup replaces an earlier backup: \(backup.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).allSatisfy { !$0.hasSuffix(".dti-tmp") })
    }
}
