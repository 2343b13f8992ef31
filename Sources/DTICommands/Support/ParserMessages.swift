import DTICore
import Foundation

/// ArgumentParser's own sentences (a missing argument, an unknown option, a value not among the
/// choices, and the usage lines around them) in the user's language: the parser speaks English
/// only, and these are what a user meets first. Its sentences are messages of the catalogue
/// (`parser.…`, `parserHeading.…`); option names, values and help text stay as they are.
enum ParserMessages {
    /// `message` with the parser's sentences in `language`.
    static func translated(_ message: String, into language: Language) -> String {
        guard language != .en else { return message }
        // The last two choices of a list are joined by "or": only there, not in a value quoted elsewhere.
        let or = Wording.list(["'", "'"], or: true).text(language)
        let english = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains(". Please provide one of ") ? line.replacingOccurrences(of: "' or '", with: or) : String(line)
        }.joined(separator: "\n")
        let catalogue = MessageCatalogue.builtIn
        return catalogue.translating(
            catalogue.translating(english, area: "parser", into: language), area: "parserHeading", into: language)
    }
}
