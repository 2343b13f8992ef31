import Foundation
import TestSupport
import Testing
import XLSX

/// Every command or option a message tells the user to use works as written: each test follows
/// the hint it is given, literally, and expects the followed command to succeed. A year without a
/// framework is said once per file and plainly, with what a user can do about it.
struct HintsThatWorkTests {
    typealias E2E = EndToEndTests

    /// Reads the hints out of a message, as a user copying them would.
    enum Hint {
        /// Every quoted command with arguments, `'dti rank --year 2024'`, as its arguments (after
        /// `dti`), double quotes honoured; a bare name ("made by 'dti template'") names a command
        /// rather than telling the user to run it.
        static func commands(in text: String) -> [[String]] {
            text.matches(of: /'dti ([^']+)'/).map { words(String($0.output.1)) }.filter { $0.count > 1 }
        }

        /// The options a hint says to add, "give --units communes --parent 24": the longest run of
        /// `--option value` at a hint's end.
        static func addedOptions(in text: String) -> [String] {
            let found = text.matches(
                of: /(?:give|with|dùng|bằng) ((?:--[a-z-]+(?: [^\s'();,-][^\s'();,]*)?)(?: --[a-z-]+(?: [^\s'();,-][^\s'();,]*)?)*)/)
            return found.last.map { words(String($0.output.1)) } ?? []
        }

        /// The lines of a file a hint quotes: `'version: 1'`, `'framework: my-2026'`, ….
        static func quotedYAMLLines(in text: String) -> [String] {
            text.matches(of: /'([a-z_]+: [^']+)'/).map { String($0.output.1) }
        }

        /// Splits a command line as a POSIX shell does for plain words and double quotes.
        static func words(_ line: String) -> [String] {
            var words: [String] = []
            var current = ""
            var quoted = false
            var escaped = false
            var started = false
            for character in line {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" && quoted {
                    escaped = true
                } else if character == "\"" {
                    quoted.toggle()
                    started = true
                } else if character == " " && !quoted {
                    if started { words.append(current) }
                    current = ""
                    started = false
                } else {
                    current.append(character)
                    started = true
                }
            }
            if started { words.append(current) }
            return words
        }

        /// `words` with each placeholder for a file (FILE…, TỆP…) replaced by `path`.
        static func filling(_ words: [String], with path: String) -> [String] {
            words.map { $0.hasPrefix("FILE") || $0.hasPrefix("TỆP") ? path : $0 }
        }
    }

    /// Runs `dti` with the working folder `folder`, as a user in that folder would.
    static func run(_ arguments: [String], database: String, in folder: URL) throws -> E2E.Run {
        try E2E.runBinary(arguments, database: database, directory: folder)
    }

    static func errorLines(_ run: E2E.Run) -> [String] {
        (run.stdout + run.stderr).split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": lỗi: ") }
    }

    @Test(arguments: ["en", "vi"])
    func communeDataReadAsProvincesIsOneErrorWhoseOptionsReadIt(language: String) throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let file = E2E.root.appendingPathComponent("SampleData/communes/bac-ninh-2025.csv").path
        let plain = try Self.run(["validate", file, "--lang", language], database: database, in: scratch)
        #expect(plain.status == 1)
        let errors = Self.errorLines(plain)
        #expect(errors.count == 1, "one cause, one error: \(errors.prefix(3))")
        #expect(!plain.stderr.contains("editions.csv"))
        let options = Hint.addedOptions(in: try #require(errors.first))
        #expect(options == ["--units", "communes", "--parent", "24"], "\(errors)")
        let followed = try Self.run(["validate", file, "--lang", language] + options, database: database, in: scratch)
        #expect(followed.status == 0, "\(followed.stdout)\(followed.stderr)")
    }

    @Test(arguments: ["en", "vi"])
    func aYearWithoutAFrameworkSaysSoAndItsHintScoresIt(language: String) throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let asked = ["template", "--year", "2026", "--units", "34", "--format", "csv", "--out", "t.csv", "--lang", language]
        let refused = try Self.run(asked, database: database, in: scratch)
        #expect(refused.status != 0)
        #expect(!refused.stderr.contains("editions.csv"), "an installed dti has no Indicators folder to edit")
        #expect(refused.stderr.contains(language == "en" ? "2026 has no DTI framework yet" : "năm 2026 chưa có bộ chỉ số DTI"), "\(refused.stderr)")

        // The hint's catalogue, written as it says, and its option added: the template is made.
        let lines = Hint.quotedYAMLLines(in: refused.stderr)
        #expect(lines.first == "version: 1" && lines.count == 3, "\(refused.stderr)")
        let catalogue = scratch.appendingPathComponent("my 2026.yaml")
        try (lines.joined(separator: "\n") + "\n").write(to: catalogue, atomically: true, encoding: .utf8)
        let options = Hint.filling(Hint.addedOptions(in: refused.stderr), with: catalogue.path)
        #expect(options == ["--catalogue", catalogue.path], "\(refused.stderr)")
        let made = try Self.run(asked + options, database: database, in: scratch)
        #expect(made.status == 0, "\(made.stderr)")

        // The template's own line says how to import it; filled in and imported so, 2026 ranks.
        let template = try String(contentsOf: scratch.appendingPathComponent("t.csv"), encoding: .utf8)
        let importing = try #require(Hint.commands(in: template).first, "\(template.prefix(400))")
        let filled = scratch.appendingPathComponent("filled.csv")
        try Self.fillCSVTemplate(template).write(to: filled, atomically: true, encoding: .utf8)
        let imported = try Self.run(Hint.filling(importing, with: filled.path), database: database, in: scratch)
        #expect(imported.status == 0, "\(importing) → \(imported.stderr)")
        let ranked = try Self.run(["rank", "--year", "2026", "--units", "34"] + options, database: database, in: scratch)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        #expect(ranked.stdout.contains("34 ranked"), "\(ranked.stdout)")
    }

    @Test func theNationalFrameworkOf2025ThatIsMissingPointsToTheCommunes() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let asked = ["template", "--year", "2025", "--format", "csv", "--out", "t.csv"]
        let refused = try Self.run(asked, database: database, in: scratch)
        #expect(refused.status != 0)
        let options = Hint.addedOptions(in: refused.stderr)
        #expect(options == ["--units", "communes"], "\(refused.stderr)")
        #expect(try Self.run(asked + options, database: database, in: scratch).status == 0)
    }

    @Test func theCommuneTemplateSaysHowToCheckAndImportIt() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let filled = scratch.appendingPathComponent("filled.xlsx")
        try EditionCoverageTests.fillTemplate(["--year", "2025", "--units", "communes", "--parent", "Bắc Ninh"], database: database, out: filled)
        let workbook = try Workbook(bytes: [UInt8](try Data(contentsOf: filled)))
        let instructions = try workbook.sheet(named: "Instructions").cells.compactMap { cell -> String? in
            if case let .text(text) = cell.value { return text }
            return nil
        }
        let step = try #require(instructions.first { $0.contains("dti validate") }, "\(instructions)")
        let commands = step.matches(of: /dti ((?:validate|import) [^;]+)/).map { Hint.words(String($0.output.1)) }
        #expect(commands.count == 2, "\(step)")
        for command in commands {
            let run = try Self.run(Hint.filling(command, with: filled.path), database: database, in: scratch)
            #expect(run.status == 0, "\(command): \(run.stdout)\(run.stderr)")
        }
    }

    @Test func aTemplateRowOfAnotherYearIsToldWhichTemplateExists() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let filled = scratch.appendingPathComponent("filled.xlsx")
        var row = 0
        try EditionCoverageTests.fillTemplate(["--year", "2024", "--units", "34"], database: database, out: filled) { cells in
            row += 1
            cells[6] = .number(0.5, .general)
            if row == 10 { cells[1] = .number(2023, .general) }
            if row == 20 { cells[1] = .number(2025, .general) }
        }
        let run = try Self.run(["validate", filled.path, "--units", "34"], database: database, in: scratch)
        #expect(run.status == 1)
        let errors = Self.errorLines(run)
        let of2025 = try #require(errors.first { $0.contains("year 2025 is not 2024") }, "\(errors)")
        #expect(Hint.commands(in: of2025).isEmpty, "2025 has no national template: \(of2025)")
        let of2023 = try #require(errors.first { $0.contains("year 2023 is not 2024") }, "\(errors)")
        let commands = Hint.commands(in: of2023)
        #expect(commands == [["template", "--year", "2023", "--units", "34", "--out", "template-2023.xlsx"]], "\(of2023)")
        for command in commands {
            let followed = try Self.run(command, database: database, in: scratch)
            #expect(followed.status == 0, "\(command): \(followed.stderr)")
        }
    }

    /// Every command the hostile corpus's messages quote runs as written in a fresh folder (the
    /// corpus's database holding the 2022 sample); commands with a placeholder are left out.
    @Test func everyCommandTheCorpusSuggestsRuns() throws {
        let folder = HostileCorpusTests.folder
        var commands: Set<[String]> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".expected") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for command in Hint.commands(in: text)
            where !command.contains(where: { $0.hasPrefix("FILE") || $0.hasPrefix("TỆP") || $0.contains("{}") || $0.contains("…") }) {
                commands.insert(command)
            }
        }
        #expect(!commands.isEmpty)
        for command in commands.sorted(by: { $0.joined() < $1.joined() }) {
            let scratch = try UnitSetTests.scratch()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let database = scratch.appendingPathComponent("history.sqlite")
            try FileManager.default.copyItem(at: try HostileCorpusTests.baseDatabase.get(), to: database)
            let run = try Self.run(command, database: database.path, in: scratch)
            #expect(run.status == 0, "dti \(command.joined(separator: " ")): \(run.stderr)")
        }
    }

    /// A CSV template with a value in every value cell (the 7th column of each data row).
    static func fillCSVTemplate(_ template: String) -> String {
        var headerSeen = false
        return template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard !line.hasPrefix("#"), !line.isEmpty else { return String(line) }
            guard headerSeen else {
                headerSeen = true
                return String(line)
            }
            // The 6th comma outside quotes starts the value cell, which the template leaves empty.
            var commas = 0
            var quoted = false
            for index in line.indices {
                if line[index] == "\"" { quoted.toggle() }
                if line[index] == ",", !quoted {
                    commas += 1
                    if commas == 6 { return String(line[...index]) + "0.5" + String(line[line.index(after: index)...]) }
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
