import ArgumentParser
import DTICore
import DTIIngest

extension DecimalMark: ExpressibleByArgument {}

/// How data files are read: shared by `import` and `validate`, so both check the same way.
struct InputOptions: ParsableArguments {
    /// The edition for files without a `year` column.
    @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.inputOptionsYear.helpText, valueName: Messages.HelpValue.year.helpText))
    var year: Int?

    /// The decimal mark, instead of deciding it per file.
    @Option(
        help: ArgumentHelp(
            Messages.Help.inputOptionsDecimal.helpText,
            valueName: Messages.HelpValue.mark.helpText))
    var decimal: DecimalMark?

    /// The sheet of a workbook.
    @Option(help: ArgumentHelp(Messages.Help.inputOptionsSheet.helpText, valueName: Messages.HelpValue.name.helpText))
    var sheet: String?

    /// Treat warnings as errors.
    @Flag(help: ArgumentHelp(Messages.Help.inputOptionsStrict.helpText))
    var strict = false

    func validate() throws {
        if let year, !(2000...2100).contains(year) {
            throw optionError(Messages.Workflow.yearMustBeBetween2000(year: year))
        }
    }
}
