import ArgumentParser
import DTICore
import DTIFiles
import DTIStorage
import DTIWorkflow
import Foundation

extension DTICommand {
    /// `dti backup --out FILE`: a consistent copy of the history database.
    struct Backup: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "backup",
                    abstract: Messages.Help.backupAbstract.helpText,
                    discussion: Messages.Help.backupDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption

        @Option(name: .customLong("out"), help: ArgumentHelp(Messages.Help.backupOut.helpText, valueName: Messages.HelpValue.file.helpText))
        var out: String

        func validate() throws {
            if out.isEmpty { throw optionError(Messages.Commands.outNeedsFileNameGot) }
        }

        func run(on console: Console) throws {
            let databasePath = console.databasePath(data)
            let store = try Paths.existingStore(at: databasePath, editions: try ReferenceData(options: data, console: console).editions)
            // The database in use (or its journal), under any name or through any link, is refused here.
            let target = try OutputFile(path: out, database: databasePath, rule: .checkedByCaller)
            if target.existing != nil, !HistoryStore.isHistoryDatabase(at: out) {
                throw WorkflowError.wouldOverwrite(path: out, what: Messages.Commands.dtiDatabase)
            }
            try target.writeFile { temporary in try store.backup(to: temporary) }
            let years = try store.storedYears()
            let count = years.reduce(0) { $0 + $1.count }
            let listed = years.map { String($0.year) }.joined(separator: ", ")
            console.print(
                Messages.Commands.backedUpValuesFromTo(count: count, listed: listed, databasePath: databasePath, out: out).text(console.language))
        }
    }
}
