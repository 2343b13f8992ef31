import ArgumentParser
import DTIReport

/// `--lang vi|en` for the commands a person reads in a terminal (`rank`, `show`, `compare`,
/// `explain`, `whatif`, `target`): labels, notes and the decimal mark.
struct LanguageOption: ParsableArguments {
    @Option(
        help: """
            Language of labels, notes and numbers (vi: 0,8002; en: 0.8002). Default: vi when LC_ALL, LC_MESSAGES or LANG \
            starts with vi, else en. CSV and JSON keep English keys; error messages are in English.
            """)
    var lang: ReportLanguage?

    var language: ReportLanguage { lang ?? .fromEnvironment }
}
