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
                Files are in the long CSV format (province,year,indicator,value[,source,note,status]); see \
                Documentation/DataFormats.md. Every file is checked first and every problem is printed; if any \
                error remains, nothing is stored. Otherwise all values are stored in one transaction. Importing \
                the same values again changes nothing; a different value for a stored one is refused unless \
                --replace is given.
                """)

        @OptionGroup var data: DataOptions

        /// The files to import.
        @Argument(help: ArgumentHelp("CSV files in the long format.", valueName: "file"))
        var files: [String]

        /// The edition for files without a `year` column.
        @Option(help: "The edition (year evaluated) for files without a year column; rows of other years are errors.")
        var year: Int?

        /// Overwrite stored values that differ.
        @Flag(help: "Overwrite stored values that differ from the imported ones.")
        var replace = false

        /// Treat warnings as errors.
        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func validate() throws {
            if let year, !(2000...2100).contains(year) {
                throw ValidationError("'--year' must be between 2000 and 2100, got \(year).")
            }
        }

        func run() throws {
            let reference = try ReferenceData(options: data)
            let context = reference.ingestContext(year: year)
            var results: [IngestResult] = []
            for file in files {
                results.append(LongCSVReader.read(try TextFiles.read(file), file: file, context: context))
            }
            let combined = IngestResult.combining(results)
            let diagnostics = strict ? combined.diagnostics.promotingWarnings() : combined.diagnostics
            DiagnosticPrinter.print(diagnostics, files: files.count)
            if diagnostics.hasErrors {
                StandardError.write("nothing was imported\n")
                throw ExitCode.failure
            }

            let databasePath = Paths.database(option: data.databasePath)
            try TextFiles.ensureParentFolder(of: databasePath)
            let store = try HistoryStore(path: databasePath)
            let summary = try store.store(
                combined.observations, importedAt: ISO8601DateFormatter().string(from: Date()), replace: replace)
            let years = Set(combined.observations.map(\.year)).sorted().map(String.init).joined(separator: ", ")
            print(
                "Imported \(combined.observations.count) values for \(years.isEmpty ? "no edition" : years) from \(files.count) file\(files.count == 1 ? "" : "s") into \(databasePath): "
                    + "\(summary.inserted) new, \(summary.unchanged) unchanged, \(summary.replaced) replaced.")
        }
    }
}
