import Foundation
import Testing

/// `dti explain`, `whatif` and `target` run as a user runs them, on the sample data.
struct ExplainCommandTests {
    typealias E2E = EndToEndTests

    static func json(_ run: E2E.Run) throws -> [String: Any] {
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The row of `code` in `dti rank --format json` output.
    static func rankedRow(_ run: E2E.Run, code: String) throws -> [String: Any] {
        let rows = try #require(try Self.json(run)["rows"] as? [[String: Any]])
        return try #require(rows.first { $0["code"] as? String == code })
    }

    @Test func explainsContributionsThatAddUpToTheChange() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for units in ["63", "34"] {
            let object = try Self.json(
                try E2E.run(["explain", "Bắc Ninh", "--year", "2024", "--units", units, "--format", "json"], database: database))
            #expect(object["since"] as? Int == 2023)
            let change = try #require(object["change"] as? Double)
            let dti = try #require(object["dti"] as? Double)
            let previous = try #require(object["previous_dti"] as? Double)
            #expect(abs(dti - previous - change) < 1e-15)
            let contributions = try #require(object["contributions"] as? [[String: Any]])
            #expect(contributions.count == 8)
            let points = contributions.compactMap { $0["points"] as? Double }.reduce(0, +)
            #expect(abs(points / 1000 - change) < 1e-12, "--units \(units): contributions \(points) vs change \(change)")
            #expect(object["rank"] is Int && object["previous_rank"] is Int)
        }
        // The merged Bắc Ninh (Bắc Giang + Bắc Ninh) against its members' back-cast 2023 score.
        let merged = try Self.json(try E2E.run(["explain", "Bắc Ninh", "--year", "2024", "--units", "34", "--format", "json"], database: database))
        #expect((merged["unit"] as? [String: Any])?["code"] as? String == "24")
    }

    @Test func theTableAddsUpAsPrintedAndSpeaksTheLanguageAsked() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let table = try E2E.run(["explain", "Bắc Ninh", "--year", "2024", "--lang", "vi"], database: database)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Vì sao DTI thay đổi: Bắc Ninh, 2023 → 2024\n"))
        // The printed DTI column adds up to the printed total, unit for unit.
        let lines = table.stdout.split(separator: "\n").map(String.init)
        let body = lines.drop { !$0.hasPrefix("──") }.dropFirst().prefix { !$0.hasPrefix("Tổng") }
        func key(_ cell: Substring) -> Int {
            let sign = cell.hasPrefix("−") ? -1 : 1
            return sign * (Int(cell.dropFirst().replacingOccurrences(of: ",", with: "")) ?? 0)
        }
        let parts = body.compactMap { $0.split(separator: " ").last }.map(key)
        let total = try #require(lines.first { $0.hasPrefix("Tổng") }?.split(separator: " ").last).map(key)
        #expect(parts.count == 8 && parts.reduce(0, +) == total)
        let english = try E2E.run(["explain", "Bắc Ninh", "--year", "2024", "--lang", "en", "--format", "markdown"], database: database)
        #expect(english.stdout.hasPrefix("## Why the DTI changed: Bắc Ninh, 2023 → 2024\n"))
        #expect(english.stdout.contains("| Total | 0.7092 | 0.6954 |"))
    }

    @Test func whatIfAgreesWithImportingTheValueAndRankingAgain() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let whatIf = try Self.json(
            try E2E.run(
                ["whatif", "Bắc Ninh", "--year", "2022", "--set", "awareness=0.95", "government_activity=90%", "--format", "json"],
                database: database))
        #expect(whatIf["previous_rank"] as? Int == 14)
        #expect((whatIf["passed"] as? [[String: Any]])?.isEmpty == false)

        // The same values imported into a copy of the database, then ranked.
        let copy = scratch.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        let changed = scratch.appendingPathComponent("changed.csv")
        try "province,year,indicator,value\nBắc Ninh,2022,awareness,0.95\nBắc Ninh,2022,government_activity,90%\n"
            .write(to: changed, atomically: true, encoding: .utf8)
        let imported = try E2E.run(["import", "--replace", changed.path], database: copy)
        #expect(imported.status == 0, "\(imported.stderr)")
        let row = try Self.rankedRow(try E2E.run(["rank", "--year", "2022", "--format", "json"], database: copy), code: "27")
        #expect(row["dti"] as? Double == whatIf["dti"] as? Double)
        #expect(row["rank"] as? Int == whatIf["rank"] as? Int)
        // And nothing was written to the original.
        let original = try Self.rankedRow(try E2E.run(["rank", "--year", "2022", "--format", "json"], database: database), code: "27")
        #expect(original["dti"] as? Double == whatIf["previous_dti"] as? Double)
    }

    @Test func whatIfTakesComponentValuesThroughTheirRules() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-components-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let catalogue = ["--catalogue", "Indicators/illustrative/dti-2022-components.yaml"]
        #expect(try E2E.run(["import"] + catalogue + ["SampleData/components"], database: database).status == 0)
        let whatIf = try Self.json(
            try E2E.run(
                ["whatif", "Bắc Ninh", "--year", "2022", "--set", "awareness_plan=không", "--format", "json"] + catalogue, database: database))
        let changes = try #require(whatIf["changes"] as? [[String: Any]])
        #expect(changes.first?["indicator"] as? String == "awareness_plan")
        #expect(changes.first?["value"] as? Double == 0)

        let copy = scratch.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        let changed = scratch.appendingPathComponent("changed.csv")
        try "province,year,indicator,value\nBắc Ninh,2022,awareness_plan,không\n".write(to: changed, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["import", "--replace"] + catalogue + [changed.path], database: copy).status == 0)
        let row = try Self.rankedRow(try E2E.run(["rank", "--year", "2022", "--format", "json"] + catalogue, database: copy), code: "27")
        #expect(row["dti"] as? Double == whatIf["dti"] as? Double)
        #expect(row["rank"] as? Int == whatIf["rank"] as? Int)
    }

    @Test func targetPlansAReachableRankAndTheCheckConfirmsIt() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let object = try Self.json(try E2E.run(["target", "Bắc Giang", "--year", "2022", "--rank", "10", "--format", "json"], database: database))
        #expect(object["reachable"] as? Bool == true)
        #expect((object["rank"] as? Int ?? 99) <= 10)
        let plan = try #require(object["plan"] as? [[String: Any]])
        #expect(!plan.isEmpty && plan.allSatisfy { $0["indicator"] is String && $0["points"] is Double && $0["value"] is Double })
        let held = try Self.json(try E2E.run(["target", "Đà Nẵng", "--year", "2022", "--rank", "3", "--format", "json"], database: database))
        #expect(held["reachable"] as? Bool == true && (held["plan"] as? [Any])?.isEmpty == true && held["rank"] as? Int == 1)
        let out = try Self.json(
            try E2E.run(["target", "Bắc Giang", "--year", "2022", "--rank", "1", "--only", "awareness", "--format", "json"], database: database))
        #expect(out["reachable"] as? Bool == false && (out["shortfall"] as? Double ?? 0) > 0)
    }

    @Test(arguments: [
        (
            ["whatif", "Bắc Ninh", "--year", "2022", "--set", "awarenes=0.5"], 64,
            "unknown indicator 'awarenes' for 2022 (framework dti-2022); did you mean 'awareness'?"
        ),
        (["whatif", "Bắc Ninh", "--year", "2022", "--set", "awareness=1.5"], 64, "value 1.5 for awareness is outside [0, 1]"),
        (["whatif", "Bắc Ninh", "--year", "2022", "--set", "awareness"], 64, "'--set' takes INDICATOR=VALUE, e.g. awareness=0.9; got 'awareness'."),
        (
            ["explain", "Bắc Ninhh", "--year", "2022"], 64,
            "unknown province 'Bắc Ninhh' among the 63 provinces (before 1 July 2025); did you mean 'Bắc Ninh'"
        ),
        (
            ["explain", "Bắc Ninh", "--year", "2020"], 1,
            "holds no edition before 2020 to explain the change from; import one, or name it with --since YEAR"
        ),
        (["target", "Bắc Ninh", "--year", "2022", "--rank", "0"], 64, "'--rank' must be at least 1, got 0."),
        (["target", "Bắc Ninh", "--year", "2022", "--rank", "99"], 64, "'--rank' must be between 1 and 63, the units ranked in 2022; got 99."),
        (["target", "Bắc Ninh", "--year", "2022", "--rank", "3", "--only", "awarness"], 64, "Did you mean 'awareness'?"),
    ])
    func badInputGetsOneClearSentence(arguments: [String], status: Int32, message: String) throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(arguments, database: database)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty && !run.stderr.contains("Fatal error"))
    }

    @Test func aYearNotStoredSaysWhichAreStored() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dti-one-year-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import", "SampleData/dti-2022.csv"], database: database).status == 0)
        let run = try E2E.run(["target", "Bắc Ninh", "--year", "2023", "--rank", "1"], database: database)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no values for 2023 in \(database) (it holds 2022)"), "\(run.stderr)")
    }
}
