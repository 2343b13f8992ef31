import ArgumentParser
import DTICore
import DTIReport

/// `--lang vi|en`, on every command: labels, notes, diagnostics, errors and the decimal mark.
/// The console's language is chosen from the same arguments (`Console.language`), so commands
/// read `console.language`; the option is here to be parsed, listed in help and completed.
struct LanguageOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(Messages.Help.languageOptionLang.helpText, valueName: Messages.HelpValue.lang.helpText))
    var lang: ReportLanguage?
}

/// The language of the run being parsed, for the refusals of ArgumentParser's `validate()`, which
/// takes no arguments: `DTICommand.execute` sets it around the parse from its console. A task
/// local, not process-wide state: two commands parsed at once in one process each keep their own.
enum ParseLanguage {
    @TaskLocal static var current: Language = .en
}

extension Wording {
    /// The text for help and for ArgumentParser's refusals, in the language of the run being
    /// parsed: ArgumentParser reads a command's configuration and its options' help when it builds
    /// the help, inside `DTICommand.execute`'s parse, where `ParseLanguage.current` is the run's.
    var helpText: String { text(ParseLanguage.current) }
}
