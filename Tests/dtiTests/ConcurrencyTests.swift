import DTIStorage
import Foundation
import Testing

/// Four imports of different years, a ranking, a report and a reader of a year being imported,
/// all at once on one database: every import lands whole (SQLite's lock and dti's busy timeout
/// take turns), and a reader sees an edition before its import or after it, never part of it.
struct ConcurrencyTests {
    typealias E2E = EndToEndTests

    @Test func importsAndReadersAtOnceLoseNothingAndSeeNothingHalfDone() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dti-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // What each edition holds when imported alone.
        let alone = work.appendingPathComponent("alone.sqlite").path
        #expect(try E2E.run(["import"] + E2E.sampleFiles, database: alone).status == 0)
        let expectedCounts = try HistoryStore(path: alone).storedYears().map { "\($0.year): \($0.count)" }
        let ranking2024 = try E2E.run(["rank", "--year", "2024", "--format", "json"], database: alone).stdout
        let ranking2022 = try E2E.run(["rank", "--year", "2022", "--format", "json"], database: alone).stdout

        for round in 0..<3 {
            let database = work.appendingPathComponent("round-\(round).sqlite").path
            #expect(try E2E.run(["import", "SampleData/dti-2024.csv"], database: database).status == 0)
            let commands: [[String]] = [
                ["import", "SampleData/dti-2020.csv"], ["import", "SampleData/dti-2021.csv"], ["import", "SampleData/dti-2022.csv"],
                ["import", "SampleData/dti-2023.csv"], ["rank", "--year", "2024", "--format", "json"],
                ["report", "--year", "2024", "--format", "html", "--out", work.appendingPathComponent("report-\(round)").path],
                ["rank", "--year", "2022", "--format", "json"],
            ]
            let results = Results(count: commands.count)
            DispatchQueue.concurrentPerform(iterations: commands.count) { index in
                results.set(index, try? E2E.runBinary(commands[index], database: database))
            }
            let runs = results.all
            for index in 0..<6 {
                #expect(
                    runs[index]?.status == 0, "round \(round): \(commands[index].joined(separator: " ")): \(runs[index]?.stderr ?? "did not run")")
            }
            #expect(runs[4]?.stdout == ranking2024, "round \(round): the 2024 ranking changed while other years were imported")
            // A reader that did not even start is a failure, not a check left out.
            if let reader = runs[6] {
                let before = reader.status == 1 && reader.stderr.contains("no values for 2022")
                #expect(before || (reader.status == 0 && reader.stdout == ranking2022), "round \(round): a reader saw part of 2022: \(reader.stderr)")
            } else {
                Issue.record("round \(round): the reader of 2022 did not start")
            }
            #expect(try HistoryStore(path: database).storedYears().map { "\($0.year): \($0.count)" } == expectedCounts, "round \(round)")
        }
    }

    /// The processes' results, filled from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [EndToEndTests.Run?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: EndToEndTests.Run?) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        var all: [EndToEndTests.Run?] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }
}
