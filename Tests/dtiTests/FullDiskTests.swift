import DTIStorage
import Foundation
import TestSupport
import Testing

/// A disk that fills up during an import or a report: a small tmpfs where this machine allows
/// mounting one (CI runs as root); elsewhere the suite is reported as skipped, not passed.
@Suite(.serialized, .enabled(if: SmallDisk.canMount, "mounting a tmpfs is not allowed here (it needs root)"))
struct FullDiskTests {
    typealias E2E = EndToEndTests

    /// Mounts a tmpfs of `kilobytes` at a new folder; `nil` where mounting is not allowed.
    static func smallDisk(kilobytes: Int) -> URL? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-full-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path]) == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return folder
    }

    static func release(_ folder: URL) {
        _ = run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        (try? ProcessRunner.run(URL(fileURLWithPath: tool), arguments))?.status ?? -1
    }

    @Test func anImportThatFillsTheDiskLeavesTheDatabaseAsItWas() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-full-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (catalogue, data) = try CrashSafetyTests.bigImport(in: scratch, perIndicator: 40)
        // 320 KB holds the 2024 sample, not the 20,160 values more (about 13 bytes each in blocks).
        let disk = try #require(Self.smallDisk(kilobytes: 320))
        defer { Self.release(disk) }
        let database = disk.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import", "SampleData/dti-2024.csv"], database: database).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))

        let run = try E2E.run(["import", "--catalogue", catalogue, data], database: database)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is full: nothing was written and the database is as it was"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(!FileManager.default.fileExists(atPath: database + "-journal"))
        #expect(try HistoryStore(path: database).storedYears().map(\.year) == [2024])
    }

    @Test func aReportThatFillsTheDiskLeavesNoPartialPage() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-full-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import"] + E2E.sampleFiles, database: database).status == 0)
        let complete = scratch.appendingPathComponent("complete")
        #expect(try E2E.run(["report", "--year", "2024", "--out", complete.path], database: database).status == 0)
        let full = try ReportCommandTests.files(in: complete)
        let disk = try #require(Self.smallDisk(kilobytes: 400))
        defer { Self.release(disk) }

        let run = try E2E.run(["report", "--year", "2024", "--out", disk.path], database: database)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write") && run.stderr.contains("space"), "\(run.stderr)")
        let written = try ReportCommandTests.files(in: disk)
        #expect(!written.isEmpty && written.count < full.count)
        for (path, data) in written where path != ".dti-report-manifest" {
            #expect(!path.hasSuffix(".dti-tmp"), "a temporary file was left: \(path)")
            #expect(data == full[path], "\(path) is cut")
        }
    }
}

/// Whether this machine lets the tests mount a tmpfs: tried once, with a small one.
enum SmallDisk {
    static let canMount: Bool = {
        guard let folder = FullDiskTests.smallDisk(kilobytes: 64) else { return false }
        FullDiskTests.release(folder)
        return true
    }()
}
