import ArgumentParser
import DTICore
import DTIReport

/// `--lang vi|en`, on every command: labels, notes, diagnostics, errors and the decimal mark.
/// The console's language is chosen from the same arguments (`Console.language`), so commands
/// read `console.language`; the option is here to be parsed, listed in help and completed.
struct LanguageOption: ParsableArguments {
    @Option(
        help: """
            Language of labels, notes, diagnostics and numbers (vi: 0,8002; en: 0.8002). Default: vi when LC_ALL, \
            LC_MESSAGES or LANG starts with vi, else en. CSV and JSON keep English keys.
            """)
    var lang: ReportLanguage?
}

/// The language of the run being parsed, for the refusals of ArgumentParser's `validate()`, which
/// takes no arguments: `DTICommand.execute` sets it around the parse from its console. A task
/// local, not process-wide state: two commands parsed at once in one process each keep their own.
enum ParseLanguage {
    @TaskLocal static var current: Language = .en
}
