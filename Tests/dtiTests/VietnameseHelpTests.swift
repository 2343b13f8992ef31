import DTICommands
import DTICore
import Foundation
import Testing

/// `--help` in Vietnamese, from the catalogue, for every command: no English word a reader would
/// read (option names, values, codes, paths and proper nouns are not words of a sentence), and
/// the English help as it was (its snapshot is `rank-help.txt`).
struct VietnameseHelpTests {
    static let commands = [
        [], ["import"], ["validate"], ["rank"], ["report"], ["compare"], ["show"], ["explain"], ["whatif"], ["target"], ["history"],
        ["sensitivity"], ["audit"], ["provinces"], ["catalogue"], ["template"], ["backup"],
    ]

    /// English words of prose: a Vietnamese help with one of them left a sentence or a heading
    /// in English. (Not "in", "an", "to": Vietnamese words too.)
    static let englishWords: Set<String> = [
        "the", "and", "of", "is", "for", "with", "from", "or", "by", "which", "when", "than", "more", "its", "their", "all", "be", "are",
        "not", "only", "each", "every", "this", "that", "it", "usage", "options", "overview", "arguments", "subcommands", "subcommand",
        "default", "values", "value", "show", "help", "information", "version", "see", "detailed", "file", "files", "write", "print",
        "units", "unit", "edition", "year", "name", "path", "dir", "entry", "format", "list", "ids", "codes", "names", "text", "method",
    ]

    /// The words a reader reads: command names, acronyms and variables in capitals, quoted text, options, variables, paths, examples
    /// with `=` and the option values listed "(giá trị: …)" are code, taken out first; a value name
    /// in angle brackets stays (`<year>` is English a reader reads).
    static func proseWords(_ help: String) -> [String] {
        var text = help
        for pattern in [
            #"\bdti [a-z]+"#, #"(?m)^  [a-z]+(?= {2,})"#, #"\b[A-Z][A-Z0-9_]+\b"#, #"'[^'\n]*'"#, #""[^"\n]*""#, #"--?[A-Za-z][\w-]*"#, #"\$\w+"#,
            #"\S*[/=.@]\S*"#, #"\(giá trị:[^)]*\)"#,
        ] {
            text = text.replacing(try! Regex(pattern), with: " ")
        }
        return text.split { !$0.isLetter }.map { String($0).lowercased() }
    }

    @Test(arguments: commands)
    func everyCommandsHelpIsVietnamese(command: [String]) throws {
        let captured = CapturedConsole(arguments: command + ["--help", "--lang", "vi"], environment: [:])
        let status = DTICommand.execute(command + ["--help", "--lang", "vi"], on: captured.console)
        #expect(status == 0)
        let help = captured.standardOutput
        #expect(help.contains("TỔNG QUAN:") && help.contains("CÁCH DÙNG:") && help.contains("Hiện trợ giúp."), "\(help)")
        for heading in ["OVERVIEW:", "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:"] { #expect(!help.contains(heading), "\(heading)") }
        let english = Self.proseWords(help).filter(Self.englishWords.contains)
        #expect(english.isEmpty, "English in 'dti \(command.joined(separator: " ")) --help --lang vi': \(english)\n\(help)")
        for line in help.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    /// A Vietnamese locale gives the Vietnamese help without --lang, and --lang en the English.
    @Test func theLocaleChoosesTheHelpsLanguage() {
        let vietnamese = CapturedConsole(arguments: ["rank", "--help"], environment: ["LANG": "vi_VN.UTF-8"])
        _ = DTICommand.execute(["rank", "--help"], on: vietnamese.console)
        #expect(vietnamese.standardOutput.hasPrefix("TỔNG QUAN: Tính điểm và xếp hạng"))
        let english = CapturedConsole(arguments: ["rank", "--help", "--lang", "en"], environment: ["LANG": "vi_VN.UTF-8"])
        _ = DTICommand.execute(["rank", "--help", "--lang", "en"], on: english.console)
        #expect(english.standardOutput.hasPrefix("OVERVIEW: Score and rank the provinces for an edition."))
    }

    /// The check itself finds English: a sentence of the English help fails it.
    @Test func theCheckFindsEnglish() {
        let english = Self.proseWords("  --by <entry>   Rank by dti, a pillar or an indicator id. (default: dti)")
        #expect(english.contains("by") && english.contains("default") && english.contains("entry"))
        #expect(!Self.proseWords("  --by <chỉ-số>   Xếp hạng theo dti (giá trị: sum, geometric)").contains { Self.englishWords.contains($0) })
    }
}
