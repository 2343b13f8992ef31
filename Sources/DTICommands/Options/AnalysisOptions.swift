import ArgumentParser
import DTICore
import DTIReport

/// The edition, output format and language shared by `explain`, `whatif` and `target`.
struct AnalysisOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "The edition (year evaluated).")
    var year: Int

    @Option(help: "Output format.")
    var format: RankingFormat = .table

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if !(2000...2100).contains(year) {
            throw optionError(Messages.Commands.yearMustBeBetween2000(year: year))
        }
    }
}
