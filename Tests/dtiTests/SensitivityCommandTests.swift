import DTICore
import Foundation
import Testing
import XLSX

/// `dti sensitivity`, `dti audit` and `dti rank --impute` run as a user runs them, on the sample data.
struct SensitivityCommandTests {
    typealias E2E = EndToEndTests

    @Test func theJSONGivesEveryUnitItsIntervalAndTheSameSeedTheSameBytes() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = ["sensitivity", "--year", "2022", "--runs", "500", "--seed", "9", "--aggregation", "sum,geometric", "--format", "json"]
        let first = try E2E.run(arguments, database: database)
        let object = try ExplainCommandTests.json(first)
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.count == 63)
        for unit in units {
            let rank = try #require(unit["rank"] as? Int)
            #expect((1...63).contains(rank))
            let p05 = try #require(unit["p05"] as? Int)
            let p95 = try #require(unit["p95"] as? Int)
            let median = try #require(unit["median"] as? Int)
            #expect(unit["code"] is String && unit["name"] is String)
            #expect(p05 <= median && median <= p95 && (1...63).contains(p05) && (1...63).contains(p95), "\(unit)")
        }
        #expect(units.contains { ($0["p05"] as? Int) != ($0["p95"] as? Int) })
        #expect(try E2E.run(arguments, database: database).stdout == first.stdout)
        #expect(try E2E.run(arguments + ["--threads", "1"], database: database).stdout == first.stdout)
        #expect(try E2E.run(arguments + ["--threads", "5"], database: database).stdout == first.stdout)
        #expect(try E2E.run(arguments.map { $0 == "9" ? "10" : $0 }, database: database).stdout != first.stdout)
        #expect(!first.stdout.contains("NaN") && !first.stdout.contains("nan"))
    }

    @Test func withNothingVariedEveryIntervalIsTheOfficialRank() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(
            ["sensitivity", "--year", "2024", "--units", "34", "--weights", "0", "--aggregation", "sum", "--runs", "50", "--format", "csv"],
            database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 34)
        for row in rows { #expect(row[2] == row[3] && row[3] == row[4] && row[4] == row[5], "\(row)") }
        #expect(run.stdout.hasPrefix("code,name,rank,"), "the header is the CSV's first line")
        #expect(run.stderr.contains("note: SAMPLE DATA"), "the sample-data notice is said beside the CSV")
    }

    @Test func everyRunCanBeAudited() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("runs.csv")
        let run = try E2E.run(
            ["sensitivity", "--year", "2023", "--runs", "40", "--impute", "zero,region-mean,median", "--runs-out", out.path], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 41)
        let header = lines[0].split(separator: ",")
        #expect(header.prefix(3) == ["run", "aggregation", "imputation"])
        #expect(header.filter { $0.hasPrefix("weight_factor_") }.count == 8 && header.filter { $0.hasPrefix("rank_") }.count == 63)
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[2] }) == ["zero", "region-mean", "median"])
    }

    @Test(arguments: [
        (["--runs", "0"], "'--runs' must be at least 1, got 0."),
        (["--runs", "99999999"], "'--runs' must be at most 10000000"),
        (["--weights", "lots"], "'--weights' takes a spread such as 25% or 0.25, got 'lots'."),
        (["--weights", "100%"], "'--weights' must be at least 0% and below 100%"),
        (["--aggregation", "sum,geometirc"], "Did you mean 'geometric'?"),
        (["--impute", "mean"], "'--impute' takes 'zero', 'region-mean', 'median'; got 'mean'."),
        (
            ["--runs", "5000000"],
            "'--runs' must be at most 3174603 for 63 units (every run's ranks are kept, at most 200000000 in all), got 5000000."
        ),
        (
            ["--sobol", "--runs", "50"],
            "'--sobol' needs at least 1100 runs for 9 uncertain inputs (100 rows of the Saltelli design; fewer give indices far outside 0–1), got 50."
        ),
    ])
    func badOptionsGetOneClearSentence(options: [String], message: String) throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(["sensitivity", "--year", "2022"] + options, database: database)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && run.stdout.isEmpty)
    }

    /// 20,000 units: the analysis once allocated a units × units histogram first (3.2 GB here, a
    /// crash dump at 100,000 units). The process's peak memory is the largest any child of the
    /// test process reached (`RUSAGE_CHILDREN`), so it bounds this run's too.
    @Test func twentyThousandUnitsStayWithinMemoryAndTooManyRunsAreOneSentence() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let ids = [
            "awareness", "institutions", "infrastructure", "human_resources", "cybersecurity", "government_activity", "economy_activity",
            "society_activity",
        ]
        var units = "code,name,parent\n"
        var values = "unit,year," + ids.joined(separator: ",") + "\n"
        for unit in 0..<20_000 {
            let code = "U" + String(100_000 + unit).dropFirst()
            units += "\(code),Đơn vị \(unit),01\n"
            values +=
                "\(code),2024," + ids.indices.map { "0." + String(10_000 + (unit * 37 + $0 * 101) % 10_000).dropFirst() }.joined(separator: ",")
                + "\n"
        }
        let (unitFile, database) = try UnitSetTests.importWithUnitFile("units-20000.csv", units: units, values: values, in: scratch)

        // Through the binary: the peak is a process's own.
        let run = try E2E.runBinary(["sensitivity", "--year", "2024", "--units", unitFile, "--runs", "10", "--format", "csv"], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.count == 20_001)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 1_500_000, "a child of the tests peaked at \(usage.ru_maxrss / 1024) MB")

        let tooMany = try E2E.run(["sensitivity", "--year", "2024", "--units", unitFile, "--runs", "20000"], database: database)
        #expect(tooMany.status == 64)
        #expect(
            tooMany.stderr
                == "Error: '--runs' must be at most 10000 for 20000 units (every run's ranks are kept, at most 200000000 in all), got 20000.\n")
    }

    @Test func anEditionWithoutDataIsOneSentence() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for command in ["sensitivity", "audit"] {
            let run = try E2E.run([command, "--year", "2019"], database: database)
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count <= 2, "\(run.stderr)")
        }
    }

    @Test func theAuditGivesStatisticsAndMatricesWithoutNaN() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let object = try ExplainCommandTests.json(try E2E.run(["audit", "--year", "2023", "--format", "json"], database: database))
        let statistics = try #require(object["statistics"] as? [[String: Any]])
        #expect(statistics.count == 8)
        let society = try #require(statistics.first { $0["id"] as? String == "society_activity" })
        #expect(society["available"] as? Int == 62 && society["units"] as? Int == 63, "Điện Biên's value is missing in the 2023 sample")
        let pearson = try #require(object["pearson"] as? [String: Any])
        let values = try #require(pearson["values"] as? [[Any]])
        #expect(values.count == 8 && values.allSatisfy { $0.count == 12 })
        #expect((values[0][0] as? Double).map { abs($0 - 1) < 1e-12 } == true)
        let table = try E2E.run(["audit", "--year", "2023", "--lang", "vi"], database: database)
        #expect(table.stdout.hasPrefix("Kiểm định thống kê DTI 2023\n"))
        #expect(!table.stdout.contains("NaN"))
    }

    @Test func anImputedRankingSaysSoInEveryFormat() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for format in ["table", "csv", "json", "markdown"] {
            let run = try E2E.run(["rank", "--year", "2021", "--impute", "region-mean", "--format", format], database: database)
            #expect(run.status == 0, "\(run.stderr)")
            // A CSV keeps its notices as codes in every row and says them on standard error.
            let said =
                format == "csv" ? run.stderr + run.stdout.replacingOccurrences(of: "imputed-values", with: "NOT THE OFFICIAL METHOD") : run.stdout
            #expect(said.contains("NOT THE OFFICIAL METHOD"), "\(format)")
            #expect(run.stdout.contains("imputed"), "\(format): the imputed value is flagged on its row")
        }
        let official = try E2E.run(["rank", "--year", "2021", "--format", "csv"], database: database)
        #expect(!official.stdout.contains("imputed-values") && !official.stderr.contains("NOT THE OFFICIAL METHOD"))
        #expect(official.stdout.contains("missing:cybersecurity"))
    }
}

/// `dti report --uncertainty --audit`: intervals on the national page and an audit page.
struct ReportAnalysisTests {
    typealias E2E = EndToEndTests

    @Test func theNationalPageGivesEachRankItsIntervalAndTheSetAnAuditPage() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("report")
        let arguments = ["report", "--year", "2022", "--lang", "en", "--uncertainty", "--runs", "300", "--audit", "--out", out.path]
        let run = try E2E.run(arguments, database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("national.md"), encoding: .utf8)
        #expect(markdown.contains("| Rank interval (5–95%) |"))
        let danang = try #require(markdown.split(separator: "\n").first { $0.contains("[Đà Nẵng]") })
        #expect(danang.range(of: #"\| \d+ \(\d+(–\d+)?\) \|"#, options: .regularExpression) != nil, "\(danang)")
        #expect(markdown.contains("## How solid is each rank?"))
        #expect(markdown.contains("300 recalculations"))
        #expect(!markdown.contains("NaN"))
        let html = try String(contentsOf: out.appendingPathComponent("national.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "class=\"whisker\"").count - 1 == 63)
        let audit = try String(contentsOf: out.appendingPathComponent("audit.md"), encoding: .utf8)
        #expect(audit.contains("## Pearson correlations") && audit.contains("## Spearman correlations") && audit.contains("Cronbach's alpha"))
        #expect(try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8).contains("(audit.md)"))
        // Same options, same bytes.
        let again = scratch.appendingPathComponent("again")
        #expect(try E2E.run(arguments.dropLast() + [again.path], database: database).status == 0)
        #expect(try ReportCommandTests.files(in: out) == ReportCommandTests.files(in: again))
    }
}

/// Editions the analysis cannot or can barely work on: one sentence and an exit status, or
/// figures without NaN.
struct AnalysisEdgeCaseTests {
    typealias E2E = EndToEndTests

    /// A database holding `rows` (province, indicator → value) for 2022.
    static func database(_ rows: [(String, String, String)]) throws -> (database: String, scratch: URL) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let file = scratch.appendingPathComponent("data.csv")
        let text = "province,year,indicator,value\n" + rows.map { "\($0.0),2022,\($0.1),\($0.2)\n" }.joined()
        try text.write(to: file, atomically: true, encoding: .utf8)
        let database = scratch.appendingPathComponent("history.sqlite").path
        let imported = try E2E.run(["import", file.path], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (database, scratch)
    }

    static let indicators = [
        "awareness", "institutions", "infrastructure", "human_resources", "cybersecurity", "government_activity", "economy_activity",
        "society_activity",
    ]

    @Test func anEditionWithOneUnitIsOneSentenceAndExitOne() throws {
        let (database, scratch) = try Self.database(Self.indicators.map { ("Bắc Ninh", $0, "0.5") })
        defer { try? FileManager.default.removeItem(at: scratch) }
        for command in ["sensitivity", "audit"] {
            let run = try E2E.run([command, "--year", "2022"], database: database)
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("only 1 unit is ranked"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stdout.isEmpty)
        }
    }

    @Test func anIndicatorWithoutSpreadIsSaidNotDividedByZero() throws {
        // Three provinces; awareness is 0.5 everywhere; Huế lacks society_activity.
        var rows: [(String, String, String)] = []
        for (offset, province) in ["Bắc Ninh", "Hà Nội", "Huế"].enumerated() {
            for (index, indicator) in Self.indicators.enumerated() where !(province == "Huế" && indicator == "society_activity") {
                rows.append((province, indicator, indicator == "awareness" ? "0.5" : "0.\(3 + offset + index % 3)"))
            }
        }
        let (database, scratch) = try Self.database(rows)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let audit = try E2E.run(["audit", "--year", "2022", "--format", "json"], database: database)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(!audit.stdout.contains("NaN") && !audit.stdout.contains("nan"))
        #expect(audit.stdout.contains("awareness has the same value for every unit"))
        let table = try E2E.run(["audit", "--year", "2022"], database: database)
        #expect(table.status == 0 && !table.stdout.contains("NaN"))
        for impute in ["zero", "region-mean,median"] {
            let arguments = ["sensitivity", "--year", "2022", "--runs", "1200", "--impute", impute, "--aggregation", "sum,geometric", "--sobol"]
            let table = try E2E.run(arguments, database: database)
            #expect(table.status == 0 && !table.stdout.contains("NaN") && !table.stdout.contains("nan"), "\(table.stdout)")
            let run = try E2E.run(arguments + ["--format", "json"], database: database)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.contains("NaN") && !run.stdout.contains("nan"))
        }
    }
}

/// Numbers stay numbers in every CSV in every language: CSV numbers always use a decimal point
/// (a program reads the file, whatever the page language), so none is ever guarded as a formula.
struct CSVNumberTests {
    typealias E2E = EndToEndTests

    @Test(arguments: ["vi", "en"])
    func everyCSVNumberReadsAsANumber(language: String) throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let commands: [[String]] = [
            ["audit", "--year", "2024"], ["rank", "--year", "2024"], ["sensitivity", "--year", "2024", "--runs", "50"],
            ["explain", "27", "--year", "2024"], ["whatif", "27", "--year", "2024", "--set", "awareness=0.9"],
            ["target", "27", "--year", "2024", "--rank", "5"],
        ]
        for command in commands {
            let run = try E2E.run(command + ["--format", "csv", "--lang", language], database: database)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            let lines = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
            for line in lines.dropFirst() {
                for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                    #expect(!cell.hasPrefix("'"), "\(command) \(language): a guarded cell \(cell)")
                    #expect(!cell.hasPrefix("\""), "\(command) \(language): a quoted cell, as a decimal comma would be: \(line)")
                    if let first = cell.unicodeScalars.first, first == "-" || ("0"..."9").contains(first) {
                        #expect(Double(cell) != nil || cell.contains("/"), "\(command) \(language): '\(cell)' is not a number")
                    }
                }
            }
        }
    }
}

/// CSV output any CSV reader takes with no options: the header is the first line, the notices'
/// codes are a `notices` column of every row, and their sentences go to standard error.
struct CSVHeaderFirstTests {
    typealias E2E = EndToEndTests

    @Test func everyCSVCommandsFirstLineIsItsHeaderAndTheNoticesAreKept() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let commands: [(arguments: [String], firstColumn: String)] = [
            (["rank", "--year", "2024"], "rank"), (["audit", "--year", "2024"], "id"), (["sensitivity", "--year", "2024", "--runs", "50"], "code"),
            (["explain", "27", "--year", "2024"], "indicator"), (["whatif", "27", "--year", "2024", "--set", "awareness=0.9"], "indicator"),
            (["target", "27", "--year", "2024", "--rank", "5"], "indicator"),
        ]
        for (arguments, firstColumn) in commands {
            let run = try E2E.run(arguments + ["--format", "csv"], database: database)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let header = try #require(lines.first).split(separator: ",").map(String.init)
            #expect(header.first == firstColumn && header.last == "notices", "\(arguments): \(header)")
            for line in lines.dropFirst() {
                #expect(line.hasSuffix(",synthetic-data;provisional-framework"), "\(arguments): \(line)")
            }
            #expect(run.stderr.contains("note: SAMPLE DATA: these values are synthetic"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("note: PROVISIONAL FRAMEWORK"), "\(arguments)")
            // Python's csv.DictReader, as an analyst's script reads it, with no options.
            let out = scratch.appendingPathComponent("out.csv")
            try run.stdout.write(to: out, atomically: true, encoding: .utf8)
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            python.arguments = [
                "python3", "-c",
                "import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], encoding='utf-8'))); "
                    + "assert rows and all(r['notices']=='synthetic-data;provisional-framework' for r in rows), rows[:1]; print(len(rows))",
                out.path,
            ]
            let pipe = Pipe()
            python.standardOutput = pipe
            python.standardError = pipe
            try python.run()
            let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            python.waitUntilExit()
            #expect(python.terminationStatus == 0, "\(arguments): csv.DictReader: \(said)")
            #expect(Int(said.trimmingCharacters(in: .whitespacesAndNewlines)) == lines.count - 1, "\(arguments): \(said)")
        }
    }
}

/// One set of assumptions for the uncertainty analysis: the command and the report give the same
/// interval for every rank, and both say what was assumed.
struct UncertaintyDefaultsTests {
    typealias E2E = EndToEndTests

    @Test func sensitivityAndTheReportGiveTheSameIntervals() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let command = try E2E.run(["sensitivity", "--year", "2024", "--format", "json"], database: database)
        #expect(command.status == 0, "\(command.stderr)")
        let object = try ExplainCommandTests.json(command)
        let assumptions = try #require(object["assumptions"] as? [String: Any])
        #expect(assumptions["weight_spread"] as? Double == 0.25)
        #expect(assumptions["aggregations"] as? [String] == ["sum", "geometric"])
        #expect(object["runs"] as? Int == 10_000 && object["seed"] as? Int == 1)
        let units = try #require(object["units"] as? [[String: Any]])
        let out = scratch.appendingPathComponent("report")
        let report = try E2E.run(
            ["report", "--year", "2024", "--uncertainty", "--format", "markdown", "--lang", "en", "--out", out.path], database: database)
        #expect(report.status == 0, "\(report.stderr)")
        let national = try String(contentsOf: out.appendingPathComponent("national.md"), encoding: .utf8)
        #expect(
            national.contains("10,000 recalculations") && national.contains("±25%") && national.contains("seed 1, the defaults of 'dti sensitivity'"))
        // Each unit's interval, as the report prints it ("12 (9–15)"), is the command's.
        for unit in units.prefix(20) {
            let name = try #require(unit["name"] as? String)
            let p05 = try #require(unit["p05"] as? Int)
            let p95 = try #require(unit["p95"] as? Int)
            let median = try #require(unit["median"] as? Int)
            let interval = p05 == p95 ? "\(median)" : "\(median) (\(p05)–\(p95))"
            let line = try #require(national.split(separator: "\n").first { $0.contains("[\(name)](") }, "\(name)")
            #expect(line.contains("| \(interval) |"), "\(name): \(interval) in \(line)")
        }
    }
}

/// One definition of a mean over units: `show`, `audit` and the report give the same national
/// mean of an indicator some units lack (institutions 2024: Hậu Giang's is missing), and say how
/// many units it is over.
struct MeanDefinitionTests {
    typealias E2E = EndToEndTests

    @Test func showAuditAndTheReportGiveOneMean() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let audit = try ExplainCommandTests.json(try E2E.run(["audit", "--year", "2024", "--format", "json"], database: database))
        let statistics = try #require(audit["statistics"] as? [[String: Any]])
        let institutions = try #require(statistics.first { $0["id"] as? String == "institutions" })
        let mean = try #require(institutions["mean"] as? Double)
        #expect(institutions["available"] as? Int == 62 && institutions["units"] as? Int == 63)
        let shown = "\(PublishedPrecision.format(mean, decimals: 4, decimalSeparator: ".")) (62/63)"
        let show = try E2E.run(["show", "Hậu Giang", "--year", "2024"], database: database)
        #expect(show.stdout.contains("Digital institutions") && show.stdout.contains(shown), "\(show.stdout)")
        #expect(show.stdout.contains("Mean: over the units with a value; a missing value is left out, not counted as 0"))
        let out = scratch.appendingPathComponent("report")
        #expect(try E2E.run(["report", "--year", "2024", "--lang", "en", "--format", "markdown", "--out", out.path], database: database).status == 0)
        let profile = try String(contentsOf: out.appendingPathComponent("profile-93.md"), encoding: .utf8)
        #expect(profile.contains("| Digital institutions | — missing | \(shown) |"), "\(profile)")
        #expect(
            profile.contains("| National mean\\* |")
                && profile.contains("\\* The mean over the units with a value: a missing value is left out, not counted as 0"))
    }
}

/// `rank --weights/--aggregation/--normalise`: a method of one's own, said on every output, and
/// bad input as one sentence with exit 64.
struct OwnMethodCommandTests {
    typealias E2E = EndToEndTests

    @Test func everyFormatSaysItIsNotTheOfficialMethod() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let method = ["--weights", "government_activity=400", "--aggregation", "geometric"]
        for format in ["table", "csv", "json", "markdown"] {
            let run = try E2E.run(["rank", "--year", "2024", "--format", format] + method, database: database)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            // Markdown escapes the underscore; the CSV says the notice on standard error.
            let said = (format == "csv" ? run.stderr : run.stdout).replacingOccurrences(of: "\\_", with: "_")
            #expect(
                said.contains("NOT THE OFFICIAL METHOD") && said.contains("--weights government_activity=400 --aggregation geometric"), "\(format)")
            if format == "csv" { #expect(run.stdout.contains("custom-method;")) }
        }
        let workbook = scratch.appendingPathComponent("own.xlsx")
        #expect(try E2E.run(["rank", "--year", "2024", "--format", "xlsx", "--out", workbook.path] + method, database: database).status == 0)
        let sheet = try Workbook(bytes: [UInt8](try Data(contentsOf: workbook))).sheet()
        #expect(sheet.cells.contains { if case let .text(text) = $0.value { text.contains("NOT THE OFFICIAL METHOD") } else { false } })
        let out = scratch.appendingPathComponent("report")
        #expect(try E2E.run(["report", "--year", "2024", "--lang", "en", "--out", out.path] + method, database: database).status == 0)
        for page in ["national.html", "profile-27.html", "index.md"] {
            #expect(try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8).contains("NOT THE OFFICIAL METHOD"), "\(page)")
        }
        // The official ranking says nothing of the kind.
        #expect(!(try E2E.run(["rank", "--year", "2024"], database: database)).stdout.contains("NOT THE OFFICIAL METHOD"))
    }

    @Test(arguments: [
        (["--weights", "governmnet_activity=400"], "Did you mean 'government_activity'?"),
        (["--weights", "awareness=-5"], "'--weights' gives points of 0 or more; got -5 for 'awareness'."),
        (["--weights", "awareness=lots"], "'--weights' gives points as numbers, e.g. government_activity=400; got 'lots' for 'awareness'."),
        (
            [
                "--weights",
                "awareness=0,institutions=0,infrastructure=0,human_resources=0,cybersecurity=0,government_activity=0,economy_activity=0,society_activity=0",
            ], "'--weights' leaves every main indicator at 0 points: at least one must weigh something."
        ),
        (["--normalise", "zscore", "--aggregation", "geometric"], "'--normalise zscore' gives negative values, which a geometric mean cannot take"),
        (["--weights", "awareness=50,nhan thuc so=60"], "'--weights' gives 'awareness' twice (by its id and by its name, or by two names)"),
    ])
    func badMethodsAreOneSentence(options: [String], message: String) throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(["rank", "--year", "2024"] + options, database: database)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty && !run.stderr.contains("Fatal error"))
    }
}
