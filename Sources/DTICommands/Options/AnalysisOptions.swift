import ArgumentParser
import DTICore
import DTIReport

/// The edition, output format and language shared by `explain`, `whatif` and `target`.
struct AnalysisOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.editionYear.helpText, valueName: Messages.HelpValue.year.helpText))
    var year: Int

    @Option(help: ArgumentHelp(Messages.Help.analysisOptionsFormat.helpText, valueName: Messages.HelpValue.format.helpText))
    var format: RankingFormat = .table

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if !(2000...2100).contains(year) {
            throw optionError(Messages.Workflow.yearMustBeBetween2000(year: year))
        }
    }
}
