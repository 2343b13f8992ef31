import DTICore
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

    /// Across a framework change (2020 → 2021, other parts and other totals) nothing is claimed
    /// per indicator: the parts show their values, the change is the framework's, and no move is
    /// said to be decided by an indicator that cannot be compared.
    @Test func explainAcrossAFrameworkChangeClaimsOnlyWhatCompares() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let object = try Self.json(try E2E.run(["explain", "Bắc Ninh", "--year", "2021", "--since", "2020", "--format", "json"], database: database))
        let contributions = try #require(object["contributions"] as? [[String: Any]])
        #expect(!contributions.isEmpty && contributions.allSatisfy { $0["comparable"] as? Bool == false && $0["points"] is NSNull })
        #expect(abs((object["not_comparable_change"] as? Double ?? 0) - (object["change"] as? Double ?? 1)) < 1e-12)
        let moves = (object["passed"] as? [[String: Any]] ?? []) + (object["fell_behind"] as? [[String: Any]] ?? [])
        #expect(!moves.isEmpty && moves.allSatisfy { $0["decided_by"] is NSNull }, "\(moves.prefix(2))")
        let table = try E2E.run(["explain", "Bắc Ninh", "--year", "2021", "--since", "2020"], database: database)
        #expect(!table.stdout.contains("decided by"), "\(table.stdout)")
        let rows = table.stdout.split(separator: "\n").filter { $0.contains("(not comparable)") && !$0.hasPrefix("The framework") }
        #expect(
            !rows.isEmpty && rows.allSatisfy { !$0.contains("+") && !$0.contains("−") }, "points shown for a part that cannot be compared: \(rows)")
        #expect(table.stdout.contains("Framework change (parts not comparable)"))
        // Within one framework the deciders stand.
        let same = try Self.json(try E2E.run(["explain", "Bắc Ninh", "--year", "2023", "--format", "json"], database: database))
        let sameMoves = (same["passed"] as? [[String: Any]] ?? []) + (same["fell_behind"] as? [[String: Any]] ?? [])
        #expect(sameMoves.allSatisfy { $0["decided_by"] is String })
    }

    /// A plan a province can act on: no value above the best any province reached, the rank
    /// reached outright (not by a tie at 4 decimals), the rule printed; the check agrees.
    @Test func targetKeepsToTheBestValueReachedAndReachesTheRankOutright() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let ranking = try ExplainCommandTests.json(try E2E.run(["rank", "--year", "2024", "--format", "json"], database: database))
        let rows = try #require(ranking["rows"] as? [[String: Any]])
        for rank in [3, 10, 20] {
            let object = try Self.json(
                try E2E.run(["target", "Bắc Giang", "--year", "2024", "--rank", "\(rank)", "--format", "json"], database: database))
            #expect(object["cap"] as? String == "best" && object["tie"] as? Bool == false)
            let plan = try #require(object["plan"] as? [[String: Any]])
            for step in plan {
                let id = try #require(step["indicator"] as? String)
                let best = rows.compactMap { $0[id] as? Double }.max() ?? 1
                #expect((step["value"] as? Double ?? 2) <= best + 1e-12, "\(id) raised above the best value reached, \(best)")
            }
            guard object["reachable"] as? Bool == true else {
                #expect((object["shortfall"] as? Double ?? 0) > 0)
                continue
            }
            let reached = try #require(object["rank"] as? Int)
            let value = try #require(object["dti"] as? Double)
            #expect(reached <= rank)
            // Outright: no other unit shares the rank at 4 decimals.
            let tied = rows.filter {
                ($0["code"] as? String) != "24" && PublishedPrecision.key(($0["dti"] as? Double) ?? 0) == PublishedPrecision.key(value)
            }
            #expect(tied.isEmpty, "rank \(rank) reached by a tie with \(tied.map { $0["name"] ?? "" })")
        }
        let table = try E2E.run(["target", "Bắc Giang", "--year", "2024", "--rank", "10", "--cap", "none", "--tie"], database: database)
        #expect(table.stdout.contains("Rule: each indicator rises at most to full points (1.0000) (--cap)"), "\(table.stdout)")
        #expect(table.stdout.contains("rank 10 counts when shared (--tie)"))
        let out = try E2E.run(["target", "Bắc Giang", "--year", "2024", "--rank", "1", "--cap", "0.8"], database: database)
        #expect(out.stdout.contains("Rank 1: not reachable; short by "), "\(out.stdout)")
        #expect(out.stdout.contains("with every indicator at the cap of the rule below"))
        let bad = try E2E.run(["target", "Bắc Giang", "--year", "2024", "--rank", "1", "--cap", "1.5"], database: database)
        #expect(bad.status == 64 && bad.stderr.contains("'--cap' must be above 0 and at most 1 (100%), got '1.5'."), "\(bad.stderr)")
    }

    /// After 1 July 2025 the question is the new unit's: whatif and target take the unit sets like
    /// every command that names a unit, a pre-merger name finds its unit, and the plan for a
    /// merged unit raises that unit's own values.
    @Test func whatIfAndTargetWorkInTheMergedSetAndForCommunes() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = try E2E.run(["target", "Bắc Giang", "--year", "2024", "--units", "34", "--rank", "10", "--format", "json"], database: database)
        #expect(target.status == 0, "\(target.stderr)")
        #expect(target.stderr.contains("'Bắc Giang' is part of Bắc Ninh"), "\(target.stderr)")
        let object = try Self.json(target)
        #expect((object["unit"] as? [String: Any])?["code"] as? String == "24")
        #expect(object["reachable"] as? Bool == true && (object["rank"] as? Int ?? 99) <= 10)
        // The plan's check is the 34-unit ranking scored again: applying the plan by hand agrees.
        let ranking = try Self.json(try E2E.run(["rank", "--year", "2024", "--units", "34", "--format", "json"], database: database))
        let before = try #require((ranking["rows"] as? [[String: Any]])?.first { $0["code"] as? String == "24" })
        #expect(abs((object["previous_dti"] as? Double ?? 0) - (before["dti"] as? Double ?? 1)) < 1e-12)

        let whatIf = try E2E.run(
            ["whatif", "Bắc Ninh", "--year", "2024", "--units", "34", "--set", "awareness=0.95", "--format", "json"], database: database)
        #expect(whatIf.status == 0, "\(whatIf.stderr)")
        let changed = try Self.json(whatIf)
        #expect((changed["previous_dti"] as? Double).map { abs($0 - (before["dti"] as? Double ?? 0)) < 1e-12 } == true)
        #expect((changed["notices"] as? [[String: Any]])?.contains { $0["code"] as? String == "merged-units" } == true)

        let communes = scratch.appendingPathComponent("communes.sqlite").path
        #expect(
            try E2E.run(["import", "--units", "communes", "--parent", "24", "SampleData/communes/bac-ninh-2025.csv"], database: communes).status == 0)
        let commune = try E2E.run(
            ["whatif", "Quang Trung", "--year", "2025", "--units", "communes", "--parent", "24", "--set", "awareness=0.9"], database: communes)
        #expect(commune.status == 0, "\(commune.stderr)")
        #expect(commune.stdout.hasPrefix("What if: Quang Trung, 2025"), "\(commune.stdout)")
        let communeTarget = try E2E.run(
            ["target", "07333", "--year", "2025", "--units", "communes", "--parent", "24", "--rank", "5"], database: communes)
        #expect(communeTarget.status == 0, "\(communeTarget.stderr)")
        #expect(communeTarget.stdout.contains("Rule:"), "\(communeTarget.stdout)")

        // A unit without values has nothing to show: one sentence and exit 1, not an empty exit 0.
        let show = try E2E.run(["show", "Ba Đình (Hà Nội)", "--units", "communes", "--year", "2025"], database: communes)
        #expect(show.status == 1 && show.stdout.isEmpty)
        #expect(show.stderr.contains("Ba Đình has no values in 2025, so it has no rank"), "\(show.stderr)")
    }

    @Test(arguments: [
        (
            ["whatif", "Bắc Ninh", "--year", "2022", "--set", "awarenes=0.5"], 64,
            "unknown indicator 'awarenes' for 2022 (framework dti-2022); did you mean 'awareness' (Nhận thức số)?"
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
