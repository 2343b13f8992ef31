import Foundation
import TestSupport
import Testing

/// Every command in Vietnamese, as a provincial analyst runs it: what each prints (standard
/// output and standard error) is held in a golden file, and no English word may slip in.
struct VietnameseOutputTests {
    typealias E2E = EndToEndTests

    /// English words that a Vietnamese reader should not meet. Ids (`government_activity`),
    /// option names (`--units`), file names and the catalogue's English-name column may hold
    /// English, so the check is on whole words, outside those.
    static let englishWords = [
        "the", "of", "and", "is", "are", "for", "with", "not", "value", "values", "province", "provinces", "missing", "error",
        "warning", "note", "unknown", "file", "files", "rank", "ranked", "mean", "imported", "wrote", "did", "you", "row", "column",
        "header", "shown", "runs", "aggregation", "sum", "zero", "units", "edition", "framework", "decision", "indicators",
        "backed", "nothing", "cannot", "must",
    ]

    /// The English words of `text`, leaving out option names, paths, ids and quoted cells.
    static func englishWords(in text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            // libxml2's and Yams's own sentences follow these prefixes; they have no translation
            // (Yams's runs to the end of its message).
            if line.contains("sai cấu trúc (schema):") || line.contains("XML không hợp lệ:") { continue }
            if line.contains("(chi tiết của trình đọc YAML)") { break }
            let cleaned = line.split(separator: " ").filter { word in
                !(word.hasPrefix("--") || word.contains("/") || word.contains("_") || word.hasPrefix("'") || word.hasPrefix("\"")
                    || word.hasPrefix("("))
            }
            for word in cleaned {
                let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
                if englishWords.contains(bare) { found.append("\(bare) in: \(line)") }
            }
        }
        return found
    }

    @Test func everyCommandSpeaksVietnamese() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-vi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("vi.sqlite").path
        // A file with a problem of each common kind, headed in Vietnamese with indicator names.
        let bad = folder.appendingPathComponent("so-lieu.csv")
        try """
        Tỉnh,Năm,Nhận thức số,An toàn thông tin mạng
        Bắc Ninh,2024,0.8,1.5
        Phường Kinh Bắc,2024,0.5,0.5
        Hà Nội,2024,x,0.2
        Đà Nẵng,2024,0.7
        Huế,2019,0.5,0.5
        """.write(to: bad, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["import"] + E2E.sampleFiles,
            ["validate", bad.path],
            ["import", bad.path],
            ["rank", "--year", "2024", "--top", "5"],
            ["rank", "--year", "2024", "--units", "34", "--by", "Thể chế số", "--top", "25"],
            ["show", "Bắc Ninh", "--year", "2024"],
            ["compare", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc", "--year", "2024"],
            ["explain", "Bắc Ninh", "--year", "2024"],
            ["whatif", "Bắc Ninh", "--year", "2024", "--set", "An toàn thông tin mạng=0,8"],
            ["target", "Bắc Ninh", "--year", "2024", "--rank", "10", "--only", "Nhận thức số,Hạ tầng số"],
            ["history", "Bắc Ninh", "--year", "2024"],
            ["sensitivity", "--year", "2024", "--runs", "200"],
            ["audit", "--year", "2024"],
            ["provinces", "--units", "34"],
            ["catalogue", "--year", "2024"],
            ["rank", "--year", "2030"],
            ["rank", "--year", "2024", "--by", "an ninh"],
            ["backup", "--out", folder.appendingPathComponent("backup.sqlite").path],
            ["report", "--year", "2024", "--out", folder.appendingPathComponent("report").path, "--format", "markdown"],
        ]
        var transcript = ""
        for arguments in commands {
            let run = try E2E.run(arguments + ["--lang", "vi"], database: database)
            let shown = arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
            transcript += "$ dti \(shown)\n" + run.stdout + run.stderr + "[\(run.status)]\n\n"
        }
        transcript = transcript.replacingOccurrences(of: folder.path, with: "TMP")
            .replacingOccurrences(of: database, with: "TMP/vi.sqlite")
            .replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "TIME")
        // The catalogue lists each entry's English name by design: its table is left out of the check.
        let checked = transcript.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("Index") && !$0.hasPrefix("$ ") }
            .joined(separator: "\n")
        let english = Self.englishWords(in: checked)
        #expect(english.isEmpty, "English in the Vietnamese output:\n\(english.prefix(30).joined(separator: "\n"))")
        // Untranslated keys would show as the key itself.
        for key in ["value.out-of-range", "unit.unknown", "header.", "text.not-utf8"] { #expect(!transcript.contains(key)) }
        try assertSnapshot(transcript, named: "vietnamese-tour", extension: "txt")
    }
}

extension VietnameseOutputTests {
    /// Every input of the hostile corpus (Tests/Corpus), refused in Vietnamese: the same exit
    /// status as in English, no English word in what it says, and the whole transcript golden.
    @Test func everyDiagnosticKindOfTheCorpusSpeaksVietnamese() throws {
        typealias Corpus = HostileCorpusTests
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dti-vi-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent("history.sqlite")
        try FileManager.default.copyItem(at: try Corpus.baseDatabase.get(), to: database)
        var transcript = ""
        var english: [String] = []
        for name in Corpus.cases {
            let expectedFile = Corpus.folder.appendingPathComponent(name + ".expected")
            let expected = try Corpus.Expected(try? String(contentsOf: expectedFile, encoding: .utf8))
            let input = try Corpus.input(for: name, in: work)
            let arguments = expected.arguments.map { $0 == "{}" ? input : $0 }
            let run = try E2E.run(arguments + ["--lang", "vi"], database: database.path)
            #expect(run.status == expected.status, "\(name): \(run.stderr)")
            let stderr = run.stderr.replacingOccurrences(of: input, with: "{}").replacingOccurrences(of: database.path, with: "{db}")
            transcript += "# \(name) [\(run.status)]\n\(stderr)\n"
            english += Self.englishWords(in: stderr).map { "\(name): \($0)" }
        }
        #expect(english.isEmpty, "English in the Vietnamese diagnostics:\n\(english.prefix(40).joined(separator: "\n"))")
        try assertSnapshot(transcript, named: "vietnamese-diagnostics", extension: "txt")
    }
}

extension VietnameseOutputTests {
    /// On a terminal of 100 columns (`COLUMNS`), notices and prose wrap and the audit's matrices
    /// are numbered: no line of these commands is wider.
    @Test func theAnalysesFitATerminalOfAHundredColumns() throws {
        let database = E2E.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        for arguments in [
            ["audit", "--year", "2024"], ["sensitivity", "--year", "2024", "--runs", "100"], ["show", "Bắc Ninh", "--year", "2024"],
            ["explain", "Bắc Ninh", "--year", "2024"], ["target", "Bắc Ninh", "--year", "2024", "--rank", "1"],
            ["compare", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc", "--year", "2024"], ["rank", "--year", "2024", "--top", "5"],
        ] {
            for language in ["vi", "en"] {
                let run = try E2E.run(arguments + ["--lang", language], database: database, environment: ["COLUMNS": "100"])
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
                let widest = run.stdout.split(separator: "\n").max { $0.count < $1.count } ?? ""
                #expect(widest.count <= 100, "\(arguments) \(language): \(widest.count) columns: \(widest)")
            }
        }
        // Without a terminal nor COLUMNS, lines stay whole (saved output is the same everywhere).
        let piped = try E2E.run(["audit", "--year", "2024", "--lang", "vi"], database: database)
        #expect(piped.stdout.split(separator: "\n").contains { $0.count > 100 })
    }

    /// No ids where a person reads (issue 33, item 3): Vietnamese output names the entries and
    /// members a flag, a ranking by an entry, a Sobol table and the audit's alphas are about;
    /// machine formats (JSON, CSV) keep the ids.
    @Test func vietnameseOutputNamesWhatItIsAbout() throws {
        let database = E2E.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        let rank = try E2E.run(["rank", "--year", "2024", "--units", "34", "--by", "institutions", "--lang", "vi"], database: database)
        #expect(rank.stdout.contains("xếp theo Thể chế số") && rank.stdout.contains("thiếu: Thể chế số (Hậu Giang)"), "\(rank.stdout)")
        #expect(!rank.stdout.contains("thiếu:institutions") && !rank.stdout.contains("@93"))
        let sobol = try E2E.run(["sensitivity", "--year", "2024", "--runs", "1100", "--sobol", "--lang", "vi"], database: database)
        #expect(sobol.status == 0, "\(sobol.stderr)")
        #expect(sobol.stdout.contains("trọng số Hoạt động chính quyền số") && !sobol.stdout.contains("weight:"), "\(sobol.stdout)")
        #expect(sobol.stdout.contains("tổng hợp cộng hoặc nhân"))
        let audit = try E2E.run(["audit", "--year", "2024", "--lang", "vi"], database: database)
        #expect(audit.stdout.contains("Hệ số alpha Cronbach theo trụ cột: Chính quyền số "), "\(audit.stdout)")
        let json = try E2E.run(["rank", "--year", "2024", "--units", "34", "--format", "json", "--lang", "vi"], database: database)
        #expect(json.stdout.contains("institutions"), "JSON keeps the ids")
    }

    /// The refusals of the file layer and a report's folder, and the suggestions of options that
    /// take names, say themselves in Vietnamese after "Lỗi:" (issue 33: they printed English).
    @Test func refusalsAndSuggestionsSpeakVietnamese() throws {
        let database = E2E.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-vi-refusals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("mine.csv")
        try "my own file\n".write(to: mine, atomically: true, encoding: .utf8)
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try "notes\n".write(to: reports.appendingPathComponent("national.html"), atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["rank", "--year", "2024", "--format", "csv", "--out", mine.path], "đã có và không phải do dti ghi"),
            (["report", "--year", "2024", "--format", "html", "--out", reports.path], "có những tệp không phải do dti ghi"),
            (["rank", "--year", "2024", "--region", "Dong bang song Hongg"], "Có phải là 'Đồng bằng sông Hồng'?"),
            (["sensitivity", "--year", "2024", "--aggregation", "sum,geometrik"], "Có phải là 'geometric'?"),
        ]
        for (arguments, expected) in cases {
            let run = try E2E.run(arguments + ["--lang", "vi"], database: database)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.hasPrefix("Lỗi: ") && run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            #expect(Self.englishWords(in: run.stderr).isEmpty, "\(arguments): \(Self.englishWords(in: run.stderr))")
        }
    }
}
