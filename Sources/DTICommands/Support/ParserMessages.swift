import DTICore
import Foundation

/// ArgumentParser's own sentences (a missing argument, an unknown option, a value not among the
/// choices, and the usage lines around them) in the user's language: the parser speaks English
/// only, and these are what a user meets first. Its sentences are messages of the catalogue
/// (`parser.…`, `parserHeading.…`); option names, values and help text stay as they are.
enum ParserMessages {
    /// Help in `language`, its lines kept within `width`: the parser wrapped the English, and a
    /// translated word or heading may be longer than the one it replaced.
    static func translatedHelp(_ help: String, into language: Language, width: Int) -> String {
        rewrapped(translated(help, into: language), width: width)
    }

    /// `text` with each line longer than `width` broken at spaces, a broken line going on at the
    /// column where its text begins (an option's description column, 26, for an option's line).
    static func rewrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            let leading = rest.prefix { $0 == " " }.count
            // An option or subcommand line ("  --by <chỉ-số>   Xếp hạng…") goes on under its description.
            let indent = leading == 2 && rest.count > 26 && rest.dropFirst(2).first != " " ? 26 : leading
            while rest.count > width, let cut = rest.prefix(width + 1).lastIndex(of: " "), rest.distance(from: rest.startIndex, to: cut) > indent {
                lines.append(String(rest[..<cut]))
                rest = Substring(String(repeating: " ", count: indent)) + rest[rest.index(after: cut)...].drop { $0 == " " }
            }
            lines.append(String(rest))
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with every character beyond ASCII written `QQ1EBFQQ` (its code point in hex): the
    /// manual plugin drops such characters, and Scripts/vietnamese-man-page.py writes them back.
    static func asciiEscaped(_ text: String) -> String {
        text.unicodeScalars.map { $0.isASCII ? String($0) : "QQ" + String($0.value, radix: 16, uppercase: true) + "QQ" }.joined()
    }

    /// `message` with the parser's sentences in `language`.
    static func translated(_ message: String, into language: Language) -> String {
        guard language != .en else { return message }
        // The last two choices of a list are joined by "or": only there, not in a value quoted elsewhere.
        let or = Wording.list(["'", "'"], or: true).text(language)
        let english = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains(". Please provide one of ") ? line.replacingOccurrences(of: "' or '", with: or) : String(line)
        }.joined(separator: "\n")
        let catalogue = MessageCatalogue.builtIn
        return ["parser", "parserHelpWrapped", "parserHeading"].reduce(english) { catalogue.translating($0, area: $1, into: language) }
    }
}
