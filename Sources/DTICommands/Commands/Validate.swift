import ArgumentParser
import DTICore
import DTIIngest
import DTIReport
import DTIWorkflow
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

extension DTICommand {
    /// `dti validate FILE…`: every check `import` makes, without storing anything.
    struct Validate: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "validate",
                    abstract: Messages.Help.validateAbstract.helpText,
                    discussion: Messages.Help.validateDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption
        @OptionGroup var input: InputOptions
        @OptionGroup var unitOptions: UnitSetOptions

        /// The files to check.
        @Argument(help: ArgumentHelp(Messages.Help.dataFiles.helpText, valueName: Messages.HelpValue.file.helpText))
        var files: [String]

        /// Output format.
        @Option(help: ArgumentHelp(Messages.Help.validateFormat.helpText, valueName: Messages.HelpValue.format.helpText))
        var format: DiagnosticFormat = .text

        /// Include the notes of empty cells.
        @Flag(help: ArgumentHelp(Messages.Help.validateNotes.helpText))
        var notes = false

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let paths = try DataFiles.expand(files)
            let unitSet = reference.chosenUnitSet
            // A unit file is compared with the units recorded for its stored values, as import would.
            let databasePath = console.databasePath(data)
            if unitSet != nil, FileManager.default.fileExists(atPath: databasePath) {
                try UnitSetIdentity.verify(
                    unitSet, store: try Paths.existingStore(at: databasePath, editions: reference.editions), reference: reference)
            }
            // A national file takes minutes: say how far it is, on a terminal only.
            let progress = ProgressLine(total: 0, console: console, label: Messages.Commands.valuesChecked.text(console.language))
            defer { progress.finish() }
            let result = try DataFiles.stage(
                paths, reference: reference, year: input.year, decimal: input.decimal, sheet: input.sheet, unitSet: unitSet,
                progress: progress.update)
            progress.finish()
            var diagnostics = input.strict ? result.diagnostics.promotingWarnings() : result.diagnostics
            if !notes { diagnostics = diagnostics.filter { !$0.isEmptyCellNote } }
            console.print(format.render(diagnostics, fileCount: paths.count, language: console.language), terminator: "")
            if diagnostics.hasErrors { throw ExitCode.failure }
        }
    }
}
