import Foundation
import Testing

/// A part of the data never passes for the whole: a province's own file for the 34 does not
/// hide the merged values of the other 33, and what import says of an empty cell is what is
/// stored.
struct PartialDataTests {
    typealias E2E = EndToEndTests

    /// A scratch folder with the samples imported.
    static func imported() throws -> (scratch: URL, database: String) {
        let scratch = try UnitSetTests.scratch()
        let database = scratch.appendingPathComponent("history.sqlite").path
        let run = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        #expect(run.status == 0, "\(run.stderr)")
        return (scratch, database)
    }

    /// `dti template` for Bắc Ninh, filled in: each entry's value from `value`, blank where it gives nil.
    static func filledTemplate(_ arguments: [String], in scratch: URL, database: String, value: (String) -> String?) throws -> String {
        let file = scratch.appendingPathComponent("bac-ninh-\(UUID().uuidString.prefix(6)).csv").path
        let written = try E2E.run(
            ["template", "--year", "2024", "--unit", "Bắc Ninh", "--format", "csv", "--out", file] + arguments, database: database)
        #expect(written.status == 0, "\(written.stderr)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("Bắc Ninh,2024,") else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[6] = value(fields[2]) ?? ""
            return fields.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Bắc Ninh's own 2024 file for the 34: Bắc Ninh is scored from it and flagged, the other 33
    /// stay merged from the 63, every output says which, and the edition is still ranked whole.
    @Test func aProvincesOwnFileForTheThirtyFourDoesNotHideTheMergedRest() throws {
        let (scratch, database) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try E2E.run(["rank", "--year", "2024", "--units", "34", "--format", "csv"], database: database)
        let own = try Self.filledTemplate(["--units", "34"], in: scratch, database: database) { _ in "0.5" }
        #expect(try E2E.run(["import", "--units", "34", own], database: database).status == 0)

        let csv = try E2E.run(["rank", "--year", "2024", "--units", "34", "--format", "csv"], database: database)
        let rows = csv.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 34)
        #expect(rows.allSatisfy { !$0.contains("no-data") }, "\(csv.stdout)")
        let bacNinh = try #require(rows.first { $0.split(separator: ",")[1] == "24" })
        #expect(bacNinh.contains(",0.5,") && bacNinh.contains("own-values"), "\(bacNinh)")
        // The other units keep their merged values: code, name and every value as before.
        func others(_ text: String) -> [String] {
            text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .filter { $0[1] != "24" }.map { $0[1...14].joined(separator: ",") }.sorted()
        }
        #expect(others(csv.stdout) == others(before.stdout))
        #expect(others(csv.stdout).count == 33)
        #expect(
            csv.stderr.contains(
                "1 unit is scored from its own values for the 34 provinces of 1 July 2025 (Bắc Ninh (24), flagged own-values); the other 33 are merged from the units of the 63 provinces before 1 July 2025"
            ),
            "\(csv.stderr)")

        let table = try E2E.run(["rank", "--year", "2024", "--units", "34", "--lang", "vi"], database: database)
        #expect(!table.stdout.contains("CHỈ 1 TRÊN 34"))
        #expect(table.stdout.contains("1 đơn vị được tính từ số liệu riêng của 34 tỉnh, thành phố từ 1/7/2025 (Bắc Ninh (24)"), "\(table.stdout)")
        // The unit itself carries the flag in every table and in its profile, not only the notice.
        let tableRow = try #require(table.stdout.split(separator: "\n").first { $0.contains(" 24 ") && $0.contains("Bắc Ninh") })
        #expect(tableRow.hasSuffix("số liệu riêng"), "\(tableRow)")
        let profile = try E2E.run(["show", "Bắc Ninh", "--year", "2024", "--units", "34"], database: database)
        #expect(profile.stdout.contains("ℹ scored from its own values for this unit set"), "\(profile.stdout)")
        let explain = try E2E.run(["explain", "Bắc Ninh", "--year", "2024", "--units", "34"], database: database)
        #expect(explain.status == 0 && explain.stdout.contains("own values"), "\(explain.stdout)\(explain.stderr)")
        let out = scratch.appendingPathComponent("report")
        #expect(try E2E.run(["report", "--year", "2024", "--units", "34", "--out", out.path, "--lang", "en"], database: database).status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("national.md"), encoding: .utf8)
        #expect(page.contains("1 unit is scored from its own values") && !page.contains("ONLY 1 OF 34"))
        let markdownRow = try #require(page.split(separator: "\n").first { $0.hasPrefix("| [Bắc Ninh](profile-24.md) |") })
        #expect(markdownRow.contains("own-values"), "\(markdownRow)")
        let html = try String(contentsOf: out.appendingPathComponent("national.html"), encoding: .utf8)
        #expect(html.contains(">own-values<"), "the HTML ranking's flags cell")
    }

    /// A replacement is shown in the run's number format: "0,9 → 0,75" in Vietnamese, as every
    /// number a Vietnamese run prints (issue 33).
    @Test func aReplacementSummaryWritesNumbersAsTheRunDoes() throws {
        let (scratch, database) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let full = try Self.filledTemplate([], in: scratch, database: database) { _ in "0.9" }
        #expect(try E2E.run(["import", "--replace", full], database: database).status == 0)
        let changed = try Self.filledTemplate([], in: scratch, database: database) { id in id == "human_resources" ? "0.75" : "0.9" }
        let replaced = try E2E.run(["import", "--replace", "--lang", "vi", changed], database: database)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("Bắc Ninh (27) human_resources 0,9 → 0,75"), "\(replaced.stdout)")
    }

    /// An empty cell re-sent with --replace: import says the value is left missing, and so it
    /// is; without --replace it is a difference with the stored value, refused like any other.
    @Test func aBlankResentWithReplaceIsWhatIsStored() throws {
        let (scratch, database) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let full = try Self.filledTemplate([], in: scratch, database: database) { _ in "0.9" }
        #expect(try E2E.run(["import", "--replace", full], database: database).status == 0)
        let file = try Self.filledTemplate([], in: scratch, database: database) { id in id == "human_resources" ? nil : "0.9" }
        let refused = try E2E.run(["import", file], database: database)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("2024/27/human_resources: \(file):7:81 leaves it blank, but 0.9 is stored from \(full)"), "\(refused.stderr)")

        let replaced = try E2E.run(["import", "--replace", file], database: database)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("0 new, 7 unchanged, 1 replaced"), "\(replaced.stdout)")
        #expect(replaced.stdout.contains("replaced 1 value: Bắc Ninh (27) human_resources 0.9 → (blank)"), "\(replaced.stdout)")
        let shown = try E2E.run(["rank", "--year", "2024", "--format", "csv"], database: database)
        let row = try #require(shown.stdout.split(separator: "\n").first { $0.contains(",27,") })
        #expect(row.contains("missing-value") || row.contains("missing:human_resources"), "\(row)")
        let history = try E2E.run(["history", "Bắc Ninh", "--year", "2024", "--indicator", "human_resources"], database: database)
        #expect(history.stdout.contains("human_resources"), "\(history.stdout)\(history.stderr)")
        // Imported again, nothing changes: the blank is what is stored.
        let again = try E2E.run(["import", file], database: database)
        #expect(again.status == 0 && again.stdout.contains("0 new, 7 unchanged, 0 replaced"), "\(again.stdout)\(again.stderr)")
    }
}
