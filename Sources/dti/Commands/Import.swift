import ArgumentParser
import DTICore
import DTIIngest
import DTIStorage
import Foundation

extension DTICommand {
    /// `dti import FILE…`: validate everything, then store it in one transaction.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate indicator files and store their values in the history database.",
            discussion: """
                Files are CSV (long or wide layout; ',' ';' or tab; UTF-8 or UTF-16), XML or Excel workbooks (.xlsx, \
                the first sheet or --sheet); see \
                Documentation/DataFormats.md. Every file is checked first, exactly as 'dti validate' does, and \
                every problem is printed; if any error remains, nothing is stored. Otherwise all values are \
                stored in one transaction with their file, its SHA-256 and the line. Importing the same values \
                again changes nothing; a different value for a stored one is refused, naming both files, unless \
                --replace is given, which keeps the old value in the history ('dti history').
                """)

        @OptionGroup var data: DataOptions
        @OptionGroup var input: InputOptions
        @OptionGroup var unitOptions: UnitSetOptions

        /// The files to import.
        @Argument(help: ArgumentHelp("CSV, XML or Excel (.xlsx) files, or directories holding them.", valueName: "file"))
        var files: [String]

        /// Overwrite stored values that differ.
        @Flag(help: "Replace stored values that differ; the old values stay in the history.")
        var replace = false

        func run() throws {
            let reference = try ReferenceData(options: data)
            let paths = try DataFiles.expand(files)
            let unitSet = try reference.unitSet(unitOptions)
            let staged = try DataFiles.stage(
                paths, reference: reference, year: input.year, decimal: input.decimal, sheet: input.sheet, unitSet: unitSet)
            let diagnostics = input.strict ? staged.diagnostics.promotingWarnings() : staged.diagnostics
            DiagnosticPrinter.print(diagnostics, files: paths.count)
            if diagnostics.hasErrors {
                StandardError.write("nothing was imported\n")
                throw ExitCode.failure
            }

            let databasePath = Paths.database(option: data.databasePath)
            try TextFiles.ensureParentFolder(of: databasePath)
            let store = try Paths.store(at: databasePath, editions: reference.editions)
            let summary = try store.store(
                from: staged.staging, importedAt: ISO8601DateFormatter().string(from: Date()), replace: replace)
            let years = staged.staging.years.sorted().map(String.init).joined(separator: ", ")
            print(
                "Imported \(staged.staging.count) values for \(years.isEmpty ? "no edition" : years)\(unitSet.map { " (\($0.label))" } ?? "") from \(paths.count) file\(paths.count == 1 ? "" : "s") into \(databasePath): "
                    + "\(summary.inserted) new, \(summary.unchanged) unchanged, \(summary.replaced) replaced.")
        }
    }
}
