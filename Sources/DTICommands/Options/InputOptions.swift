import ArgumentParser
import DTICore
import DTIIngest

extension DecimalMark: ExpressibleByArgument {}

/// How data files are read: shared by `import` and `validate`, so both check the same way.
struct InputOptions: ParsableArguments {
    /// The edition for files without a `year` column.
    @Option(parsing: .unconditional, help: "The edition (year evaluated) for files without a year column; rows of other years are errors.")
    var year: Int?

    /// The decimal mark, instead of deciding it per file.
    @Option(
        help: ArgumentHelp(
            "The decimal mark of the files: 'comma' (Vietnamese, 56,83 and 1.417 = 1417) or 'point'. Default: decided per file from its numbers.",
            valueName: "mark"))
    var decimal: DecimalMark?

    /// The sheet of a workbook.
    @Option(help: ArgumentHelp("The sheet to read from .xlsx workbooks (default: the first).", valueName: "name"))
    var sheet: String?

    /// Treat warnings as errors.
    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if let year, !(2000...2100).contains(year) {
            throw optionError(Messages.Commands.yearMustBeBetween2000(year: year))
        }
    }
}
