import DTICore
import Foundation
import Testing

@testable import DTIStorage

/// SIGKILL at points spread over a long import and over a report: the database passes
/// `PRAGMA integrity_check` and holds exactly what it held before or exactly what a complete run
/// gives; every page is the old one or the new one.
@Suite(.serialized) struct CrashSafetyTests {
    typealias E2E = EndToEndTests

    /// A catalogue with `perIndicator` components under each scored main indicator of dti-2022 and
    /// a file of 63 × 8 × `perIndicator` component values (20: about 0.7 s with the debug build).
    static func bigImport(in folder: URL, perIndicator: Int) throws -> (catalogue: String, data: String) {
        let indicators: [(String, Double)] = [
            ("awareness", 100), ("institutions", 100), ("infrastructure", 100), ("human_resources", 100), ("cybersecurity", 100),
            ("government_activity", 200), ("economy_activity", 150), ("society_activity", 150),
        ]
        var yaml = "version: 1\nextends: dti-2022\nillustrative_note: generated for the crash-safety test\ncomponents:\n"
        for (id, points) in indicators {
            for index in 0..<perIndicator {
                yaml += "  - id: \(id)_c\(index)\n    name_vi: Thành phần \(index)\n    name_en: Component \(index)\n"
                yaml += "    counts_in: \(id)\n    points: \(points / Double(perIndicator))\n    rule: ratio\n    target: 1\n"
            }
        }
        var csv = "province,year,indicator,value\n"
        let registry = try String(contentsOf: E2E.root.appendingPathComponent("Indicators/units/provinces-63.csv"), encoding: .utf8)
        let codes = registry.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        for unit in codes {
            for (id, _) in indicators {
                for index in 0..<perIndicator { csv += "\(unit),2022,\(id)_c\(index),0.\((index * 7) % 100)\n" }
            }
        }
        let catalogue = folder.appendingPathComponent("big.yaml")
        let data = folder.appendingPathComponent("big.csv")
        try yaml.write(to: catalogue, atomically: true, encoding: .utf8)
        try csv.write(to: data, atomically: true, encoding: .utf8)
        return (catalogue.path, data.path)
    }

    /// How far a running `dti` has got, as the kernel counts it (`/proc/PID/io`): bytes read and
    /// written through system calls, and whether the database's rollback journal exists (an
    /// import's write transaction is open).
    struct Progress: Sendable {
        var read = 0
        var written = 0
        var inTransaction = false
    }

    /// Starts `dti` and sends SIGKILL at the first moment `shouldKill` says so of its progress,
    /// polled every millisecond (if it is still running); also the last progress seen.
    static func runKilled(_ arguments: [String], database: String, when shouldKill: (Progress) -> Bool) throws -> (
        killed: Bool, last: Progress
    ) {
        let process = Process()
        process.executableURL = try E2E.executable()
        process.arguments = arguments
        process.currentDirectoryURL = E2E.root
        var environment = ProcessInfo.processInfo.environment
        environment["DTI_DB"] = database
        environment["LANG"] = "C"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let io = "/proc/\(process.processIdentifier)/io"
        var last = Progress()
        var killed = false
        while process.isRunning {
            if let text = try? String(contentsOfFile: io, encoding: .utf8) {
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    guard parts.count == 2, let count = Int(parts[1]) else { continue }
                    if parts[0] == "rchar:" { last.read = count }
                    if parts[0] == "wchar:" { last.written = count }
                }
                last.inTransaction = FileManager.default.fileExists(atPath: database + "-journal")
                if shouldKill(last) {
                    killed = kill(process.processIdentifier, SIGKILL) == 0
                    break
                }
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        return (killed && process.terminationReason == .uncaughtSignal, last)
    }

    /// `PRAGMA integrity_check`'s answer; opening the database rolls back a hot journal first.
    static func integrity(_ path: String) throws -> String {
        var answer: [String] = []
        try SQLiteConnection(path: path).prepare("PRAGMA integrity_check").query { row in answer.append(row.text(0) ?? "") }
        return answer.joined(separator: "; ")
    }

    static func content(_ path: String, year: Int) throws -> [String] {
        try HistoryStore(path: path).observations(year: year).map { "\($0.unitCode) \($0.indicatorID) \($0.value)" }
    }

    @Test func aKilledImportLeavesTheDatabaseAsItWasOrAsACompleteImportLeavesIt() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dti-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        // Before: the 2024 sample. After: that and the component values of 2022, as many as make
        // the import last half a second or more on this build (an optimised build needs more): the
        // kills land at points of its progress, not of the clock, and progress is polled every
        // millisecond, so half a second places 25 kills finely; the test's cost is 25 imports.
        let before = work.appendingPathComponent("before.sqlite").path
        #expect(try E2E.run(["import", "SampleData/dti-2024.csv"], database: before).status == 0)
        let after = work.appendingPathComponent("after.sqlite").path
        var perIndicator = 20
        var arguments: [String] = []
        var duration = 0.0
        var catalogue = ""
        var data = ""
        for _ in 0..<4 {
            (catalogue, data) = try Self.bigImport(in: work, perIndicator: perIndicator)
            arguments = ["import", "--catalogue", catalogue, data]
            try? FileManager.default.removeItem(atPath: after)
            try FileManager.default.copyItem(atPath: before, toPath: after)
            let started = Date()
            let complete = try E2E.runBinary(arguments, database: after)
            duration = Date().timeIntervalSince(started)
            #expect(complete.status == 0, "\(complete.stderr.prefix(2000))")
            if duration >= 0.5 { break }
            perIndicator *= 2
        }
        #expect(duration >= 0.5, "the import must run long enough to be killed in its middle: \(duration) s")
        let afterContent = try Self.content(after, year: 2022)
        let sample2024 = try Self.content(before, year: 2024)
        #expect(afterContent.count == 63 * 8 * perIndicator)

        // The milestones of a complete run, as the kernel counts its reads and writes: how much it
        // had read when its write transaction began, and how much it wrote in all.
        let measured = work.appendingPathComponent("measured.sqlite").path
        try FileManager.default.copyItem(atPath: before, toPath: measured)
        var readBeforeWriting = 0
        let complete = try Self.runKilled(arguments, database: measured) { progress in
            if !progress.inTransaction { readBeforeWriting = progress.read }
            return false
        }
        #expect(!complete.killed && readBeforeWriting > 0 && complete.last.written > 0)
        let writingFrom = complete.last.written / 20

        // 7 kills while the files are read (at sevenths of what is read before the transaction),
        // 18 while the values are written (at steps of what a complete run writes).
        let duringReading: [(String, (Progress) -> Bool)] = (0..<7).map { step in
            ("read \(step)/7", { $0.read >= readBeforeWriting * step / 7 && $0.read > 0 })
        }
        let duringWriting: [(String, (Progress) -> Bool)] = (0..<18).map { step in
            (
                "transaction, written \(step)/17",
                { $0.inTransaction && $0.written >= writingFrom + (complete.last.written - writingFrom) * step / 17 }
            )
        }
        var outcomes: [String: Int] = [:]
        for (index, (point, shouldKill)) in (duringReading + duringWriting).enumerated() {
            let database = work.appendingPathComponent("killed-\(index).sqlite").path
            try FileManager.default.copyItem(atPath: before, toPath: database)
            let run = try Self.runKilled(arguments, database: database, when: shouldKill)
            #expect(try Self.integrity(database) == "ok", "killed at \(point)")
            let content = try Self.content(database, year: 2022)
            #expect(content.isEmpty || content == afterContent, "killed at \(point): \(content.count) values of 2022, neither before nor after")
            #expect(try Self.content(database, year: 2024) == sample2024)
            if index < duringReading.count { #expect(run.killed && content.isEmpty, "killed at \(point), before the transaction began") }
            let outcome = !run.killed ? "completed" : content.isEmpty ? "as before" : "as after"
            outcomes[outcome, default: 0] += 1
            try? FileManager.default.removeItem(atPath: database)
        }
        // The kills must land inside the import: before its end, and some inside the transaction.
        #expect(outcomes["as before", default: 0] >= 10, "\(outcomes)")
        print(
            "kill test: import of \(String(format: "%.2f", duration)) s, \(readBeforeWriting) bytes read before the transaction, \(complete.last.written) written; 25 kills: \(outcomes)"
        )
    }

    /// A report killed while writing leaves each page old or new, never cut; the index comes last.
    @Test func aKilledReportLeavesOldOrNewPagesNeverHalfAPage() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dti-kill-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import"] + E2E.sampleFiles, database: database).status == 0)
        let old = work.appendingPathComponent("old")
        let new = work.appendingPathComponent("new")
        #expect(try E2E.run(["report", "--year", "2023", "--out", old.path], database: database).status == 0)
        // What a complete run writes, as the kernel counts it: the kills land at steps of it.
        let complete = try Self.runKilled(["report", "--year", "2024", "--out", new.path], database: database) { _ in false }
        #expect(!complete.killed && complete.last.written > 0)
        let oldFiles = try ReportCommandTests.files(in: old)
        let newFiles = try ReportCommandTests.files(in: new)

        for index in 0..<12 {
            let folder = work.appendingPathComponent("killed-\(index)")
            // Some runs start from an empty folder: what they leave must not stop the next run.
            if index % 4 == 2 {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } else {
                try FileManager.default.copyItem(at: old, to: folder)
            }
            let threshold = complete.last.written * index / 11
            let point = "\(threshold) bytes written"
            _ = try Self.runKilled(["report", "--year", "2024", "--out", folder.path], database: database) { $0.written >= threshold }
            let files = try ReportCommandTests.files(in: folder)
            for (path, data) in files where !path.hasSuffix(".dti-tmp") {
                #expect(data == oldFiles[path] || data == newFiles[path], "killed at \(point): \(path) is neither the old nor the new page")
            }
            // A new index means every page it links to is new: HTML pages for index.html, Markdown
            // pages and their charts for index.md.
            for (index, belongs) in [("index.html", { (path: String) in path.hasSuffix(".html") }), ("index.md", { !$0.hasSuffix(".html") })]
            where files[index] == newFiles[index] && files[index] != oldFiles[index] {
                let stale = newFiles.keys.filter { belongs($0) && $0 != ".dti-report-manifest" && files[$0] != newFiles[$0] }
                #expect(stale.isEmpty, "killed at \(point): the new \(index) is there but \(stale.sorted().prefix(3)) are not")
            }
            // The next run, even of other data, may replace what the killed run wrote: it claimed
            // its files in the manifest before writing them.
            if index % 4 == 2 {
                let again = try E2E.run(["report", "--year", "2023", "--out", folder.path], database: database)
                #expect(again.status == 0, "after a kill at \(point): \(again.stderr)")
                let finished = try ReportCommandTests.files(in: folder).filter { !$0.key.hasSuffix(".dti-tmp") }
                #expect(oldFiles.allSatisfy { finished[$0.key] == $0.value || $0.key == ".dti-report-manifest" })
            }
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
