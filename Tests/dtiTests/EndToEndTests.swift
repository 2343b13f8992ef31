import DTICommands
import DTIStorage
import Foundation
import TestSupport
import Testing

/// Runs the built `dti` on the repository's SampleData, as a user would.
struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func executable() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dti"),
            Bundle.main.bundleURL.appendingPathComponent("dti"),
            root.appendingPathComponent(".build/debug/dti"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    /// The environment a run sees: the test process's own, with `database` as `DTI_DB`, English
    /// (`LANG=C`), no colour and no width, so outputs do not depend on the machine; then `extra`.
    static func environment(database: String, _ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DTI_DB"] = database
        environment["COLUMNS"] = nil
        environment["NO_COLOR"] = "1"
        environment["LANG"] = "C"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `dti` in process, in the repository, with `database`: `DTICommand.execute` on a console
    /// that keeps what is printed, as the binary runs it on the process's own. The exit status,
    /// both streams, the language and the width are the binary's. Run from elsewhere than the
    /// repository (whose relative paths the tests use), it runs the binary there instead.
    static func run(_ arguments: [String], database: String, environment extra: [String: String] = [:]) throws -> Run {
        let environment = environment(database: database, extra)
        guard FileManager.default.currentDirectoryPath == root.path else {
            return try runBinary(arguments, database: database, environment: extra)
        }
        let captured = CapturedConsole(arguments: arguments, environment: environment)
        let status = DTICommand.execute(arguments, on: captured.console)
        return Run(status: status, stdout: captured.standardOutput, stderr: captured.standardError)
    }

    /// Runs the built binary in `directory` (the repository by default): for what only a process
    /// shows (a kill, a signal, several processes at once, the working folder, the binary alone).
    static func runBinary(_ arguments: [String], database: String, environment extra: [String: String] = [:], directory: URL = root) throws
        -> Run
    {
        let result = try ProcessRunner.run(
            try executable(), arguments, environment: environment(database: database, extra), directory: directory)
        return Run(
            status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self), stderr: String(decoding: result.stderr, as: UTF8.self))
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dti-e2e-\(UUID().uuidString).sqlite").path
    }

    static let sampleFiles = (2020...2024).map { "SampleData/dti-\($0).csv" }

    @Test func importThenRankPrintsTheDocumentedJSON() throws {
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        // The README's main job, through the binary a user runs: a true end-to-end run.
        let imported = try Self.runBinary(["import"] + Self.sampleFiles, database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2,201 new, 0 unchanged"))

        let again = try Self.runBinary(["import"] + Self.sampleFiles, database: database)
        #expect(again.stdout.contains("0 new, 2,201 unchanged"))

        let ranked = try Self.runBinary(["rank", "--year", "2022", "--format", "json"], database: database)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ranked.stdout.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 2022)
        #expect(object["framework"] as? String == "dti-2022")
        #expect(object["units"] as? Int == 63)
        #expect(object["synthetic"] as? Bool == true)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 63)
        let first = try #require(rows.first)
        #expect(first["code"] as? String == "48")
        #expect(first["name"] as? String == "Đà Nẵng")
        #expect(abs((first["dti"] as? Double ?? 0) - 0.800175) < 1e-12)
        #expect((first["indicators"] as? [String: Double])?["infrastructure"] == 0.8253)
        // The sample's engineered tie: two provinces share a rank and the next is skipped.
        let ranks = rows.compactMap { $0["rank"] as? Int }
        let shared = Dictionary(grouping: ranks, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(shared.count == 1)
        if let tie = shared.first { #expect(!ranks.contains(tie + 1)) }
    }

    /// The tests run commands in process (`run`); this is what makes their findings the binary's:
    /// for outputs, notes, diagnostics, refusals, parser errors, help and both languages, the
    /// binary and `DTICommand.execute` on a captured console give the same status and the same bytes.
    @Test func theBinaryAndTheInProcessRunGiveTheSameStatusAndBytes() throws {
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        #expect(try Self.run(["import"] + Self.sampleFiles, database: database).status == 0)
        let vietnamese = ["LANG": "vi_VN.UTF-8"]
        let cases: [([String], [String: String])] = [
            (["rank", "--year", "2022", "--top", "5"], [:]),
            (["rank", "--year", "2022", "--format", "csv", "--impute", "median"], [:]),
            (["rank", "--year", "2022", "--by", "econmy"], vietnamese),
            (["rank", "--yeer", "2022"], vietnamese),
            (["compare", "--year", "2024", "--units", "34", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc"], ["COLUMNS": "100"]),
            (["validate", "Tests/Corpus/csv-value-above-one.csv"], vietnamese),
            (["import", "SampleData/no-such-file.csv"], [:]),
            (["explain", "--year", "2024", "Đà Nẵng", "--lang", "vi"], [:]),
            (["rank", "--help"], [:]),
            (["--version"], [:]),
        ]
        for (arguments, environment) in cases {
            let inProcess = try Self.run(arguments, database: database, environment: environment)
            let binary = try Self.runBinary(arguments, database: database, environment: environment)
            #expect(inProcess.status == binary.status, "\(arguments)")
            #expect(inProcess.stdout == binary.stdout, "\(arguments)")
            #expect(inProcess.stderr == binary.stderr, "\(arguments)")
            #expect(!(binary.stdout + binary.stderr).isEmpty, "\(arguments) printed nothing")
        }
    }

    @Test func theTableShowsTheSampleBannerAndFlagsMissingValues() throws {
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        let ranked = try Self.run(["rank", "--year", "2023", "--input", "SampleData/dti-2023.csv"], database: database)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        #expect(ranked.stdout.contains("! SAMPLE DATA"))
        #expect(ranked.stdout.contains("Điện Biên"))
        #expect(ranked.stdout.contains("missing:society_activity"))
    }

    @Test func mergedUnitsRankThirtyFour() throws {
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        let ranked = try Self.run(
            ["rank", "--year", "2024", "--units", "34", "--input", "SampleData/dti-2024.csv", "--format", "csv"], database: database)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        let dataLines = ranked.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        #expect(dataLines.count == 34)
        #expect(ranked.stderr.contains("PROVISIONAL FRAMEWORK") && ranked.stdout.contains("provisional-framework;merged-units"))
        #expect(ranked.stdout.contains("merged:17+25+26"))

        let table = try Self.run(["rank", "--year", "2024", "--units", "34", "--input", "SampleData/dti-2024.csv"], database: database)
        #expect(table.stdout.contains("Formed from"))
        #expect(table.stdout.contains("Hòa Bình + Phú Thọ + Vĩnh Phúc"))
    }

    @Test func mergedUnitsNeitherShowNorRankAnUnscoredEntryNobodyGave() throws {
        // smart_city weighs 0 points and the sample gives it for no province: among the 63 it is
        // unshown and unranked, and so it must be among the 34 (it used to be 0.0000, all rank 1).
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        for units in ["63", "34"] {
            let json = try Self.run(
                ["rank", "--year", "2022", "--units", units, "--input", "SampleData/dti-2022.csv", "--format", "json"], database: database)
            #expect(json.status == 0, "\(json.stderr)")
            let mentionsSmartCity = json.stdout.contains("smart_city")
            #expect(!mentionsSmartCity, "--units \(units) shows or ranks smart_city")
            let table = try Self.run(
                ["rank", "--year", "2022", "--units", units, "--input", "SampleData/dti-2022.csv", "--by", "smart_city"], database: database)
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let rows = lines.drop { !$0.hasPrefix("────") }.dropFirst().prefix { !$0.isEmpty }
            #expect(rows.count == Int(units))
            #expect(rows.allSatisfy { $0.hasPrefix("   –") }, "a unit is ranked by smart_city: \(rows.first ?? "")")
            let showsZero = table.stdout.contains("0.0000")
            #expect(!showsZero)
        }
    }

    /// A database that is not there is named as missing, and not created (a mistyped `--db`); one
    /// that is there but empty says so; both say how to fill it.
    @Test func anEmptyOrMissingDatabaseSaysSoAndHowToFillIt() throws {
        let database = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        for command in [["show", "Đà Nẵng"], ["compare", "Đà Nẵng", "Hà Nội"], ["rank", "--year", "2022"], ["history", "Huế", "--year", "2022"]] {
            let result = try Self.run(command, database: database)
            #expect(result.status == 1)
            #expect(result.stderr.contains("there is no database at \(database): nothing has been imported there"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: database))
        }
        _ = try HistoryStore(path: database)
        for command in [["show", "Đà Nẵng"], ["compare", "Đà Nẵng", "Hà Nội"]] {
            let result = try Self.run(command, database: database)
            #expect(result.status == 1)
            #expect(result.stderr.contains("holds no editions yet; import one with 'dti import FILE…'"), "\(result.stderr)")
            #expect(!result.stderr.contains(" 0 "), "\(result.stderr)")
        }
    }

    @Test func aBadFileIsReportedWithLocationsAndNothingIsStored() throws {
        let database = Self.temporaryDatabase()
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        defer {
            try? FileManager.default.removeItem(atPath: database)
            try? FileManager.default.removeItem(at: bad)
        }
        try "province,year,indicator,value\nĐà Nẵng,2022,awareness,0.9\nHà Nộii,2022,awareness,0.5\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let result = try Self.run(["import", bad.path], database: database)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad.path):3:1: error: unknown province 'Hà Nộii'"))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: database), "a refused import created the database")
    }

    /// Several years in one run: a file each in the `--out` folder, each the file one year's run
    /// writes; on the terminal, one table after another; a year without values writes nothing.
    @Test func severalYearsAreRankedInOneRun() throws {
        let database = Self.temporaryDatabase()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-years-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(atPath: database)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(try Self.run(["import"] + Self.sampleFiles, database: database).status == 0)
        let ranked = try Self.run(["rank", "--year", "2022-2024", "--format", "csv", "--out", folder.path], database: database)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        for year in 2022...2024 {
            let one = try Self.run(["rank", "--year", "\(year)", "--format", "csv"], database: database)
            let written = try String(contentsOf: folder.appendingPathComponent("rank-\(year).csv"), encoding: .utf8)
            #expect(written == one.stdout, "rank-\(year).csv")
        }
        // The sample data's notice is said once, not once a year.
        #expect(ranked.stderr.components(separatedBy: "SAMPLE DATA").count - 1 <= 1, "\(ranked.stderr)")

        let tables = try Self.run(["rank", "--year", "2023,2024", "--top", "3"], database: database)
        #expect(tables.status == 0, "\(tables.stderr)")
        let first = try #require(tables.stdout.range(of: "DTI 2023"))
        let second = try #require(tables.stdout.range(of: "DTI 2024"))
        #expect(first.lowerBound < second.lowerBound)

        let empty = folder.appendingPathComponent("none")
        let missing = try Self.run(["rank", "--year", "2024-2026", "--format", "csv", "--out", empty.path], database: database)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("2025"), "\(missing.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: empty.path)) ?? []
        #expect(left.filter { $0.hasSuffix(".csv") }.isEmpty, "a failed run wrote \(left)")
    }

    @Test func aBadOptionExitsWith64() throws {
        let result = try Self.run(["rank", "--year", "2022", "--top", "0"], database: Self.temporaryDatabase())
        #expect(result.status == 64)
        #expect(result.stderr.contains("'--top' must be at least 1, got 0."))
    }

    @Test func helpTextMatchesItsSnapshot() throws {
        let result = try Self.run(["rank", "--help"], database: Self.temporaryDatabase())
        try assertSnapshot(result.stdout, named: "rank-help", extension: "txt")
    }
}

/// The runner reads standard output and standard error at once: a program that fills the error
/// pipe (64 KiB) before it writes its output would hang a runner that read one after the other.
struct ProcessRunnerTests {
    @Test func aProgramFillingStandardErrorFirstDoesNotHangTheRunner() throws {
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "head -c 300000 /dev/zero >&2; head -c 300000 /dev/zero | tr '\\0' x; exit 3"])
        #expect(result.status == 3)
        #expect(result.stderr.count == 300_000)
        #expect(result.stdout.count == 300_000 && result.stdout.allSatisfy { $0 == UInt8(ascii: "x") })
    }
}
