import ArgumentParser
import DTICore
import DTIReport

/// `--lang vi|en`, on every command: labels, notes, diagnostics, errors and the decimal mark.
struct LanguageOption: ParsableArguments {
    @Option(
        help: """
            Language of labels, notes, diagnostics and numbers (vi: 0,8002; en: 0.8002). Default: vi when LC_ALL, \
            LC_MESSAGES or LANG starts with vi, else en. CSV and JSON keep English keys.
            """)
    var lang: ReportLanguage?

    var language: ReportLanguage { lang ?? CommandLanguage.current }
}

/// The language of this run, for what is printed before or around a command's own output
/// (errors, notes, diagnostics): `--lang` as the command line gives it, else the locale. Read
/// from the arguments themselves, so that a parse error is already in the user's language.
enum CommandLanguage {
    static let current: ReportLanguage = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count, let language = ReportLanguage(rawValue: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = ReportLanguage(rawValue: String(argument.dropFirst("--lang=".count))) {
                return language
            }
        }
        return .fromEnvironment
    }()
}
