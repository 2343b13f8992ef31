import ArgumentParser
import DTICore
import DTIIngest
import DTIStorage
import DTIWorkflow
import Foundation

extension DTICommand {
    /// `dti import FILE…`: validate everything, then store it in one transaction.
    struct Import: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "import",
                    abstract: Messages.Help.importAbstract.helpText,
                    discussion: Messages.Help.importDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption
        @OptionGroup var input: InputOptions
        @OptionGroup var unitOptions: UnitSetOptions

        /// The files to import.
        @Argument(help: ArgumentHelp(Messages.Help.dataFiles.helpText, valueName: Messages.HelpValue.file.helpText))
        var files: [String] = []

        /// Overwrite stored values that differ.
        @Flag(help: ArgumentHelp(Messages.Help.importReplace.helpText))
        var replace = false

        /// Accept a unit file whose units differ from those recorded with its stored values.
        @Flag(
            help:
                ArgumentHelp(Messages.Help.importUpdateUnits.helpText)
        )
        var updateUnits = false

        /// Codes of retired units that a unit of the --units file continues.
        @Option(
            help: ArgumentHelp(
                Messages.Help.importContinues.helpText,
                valueName: Messages.HelpValue.codes.helpText))
        var continues: String?

        /// The codes `--continues` names.
        var continuing: Set<String> {
            Set((continues ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }

        func validate() throws {
            if files.isEmpty, !updateUnits {
                throw optionError(Messages.Commands.giveFilesToImportCSV)
            }
            if updateUnits, unitOptions.isProvinces || unitOptions.units == "communes" {
                throw optionError(Messages.Commands.updateUnitsRecordsUnitsOf)
            }
            if continues != nil, !updateUnits {
                throw optionError(Messages.Commands.continuesSaysThatNewUnit)
            }
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let unitSet = reference.chosenUnitSet
            if files.isEmpty, let unitSet {
                try recordUnitsOnly(unitSet, reference: reference, console: console)
                return
            }
            let paths = try DataFiles.expand(files)
            let databasePath = console.databasePath(data)
            // A national file takes minutes: say how far it is, on a terminal only.
            let progress = ProgressLine(total: 0, console: console, label: Messages.Commands.valuesChecked.text(console.language))
            defer { progress.finish() }
            let outcome = try ImportWorkflow.run(
                paths, reference: reference, databasePath: databasePath, year: input.year, decimal: input.decimal, sheet: input.sheet,
                strict: input.strict, replace: replace, updateUnits: updateUnits, continuing: continuing,
                importedAt: ISO8601DateFormatter().string(from: Date()),
                progress: progress.update,
                checked: { diagnostics in
                    progress.finish()
                    console.showDiagnostics(diagnostics, files: paths.count)
                })
            guard let summary = outcome.summary else {
                console.error(Messages.Commands.nothingWasImported.text(console.language))
                throw ExitCode.failure
            }
            let years = outcome.years.map(String.init).joined(separator: ", ")
            let edition = years.isEmpty ? Messages.Commands.importedNoEdition : Messages.Commands.importedYears(years: years)
            let label = unitSet.map { Messages.Commands.importedUnitSet(label: $0.labelWording) } ?? Wording.same("")
            let (count, inserted) = (GroupedCount(outcome.valueCount), GroupedCount(summary.inserted))
            let (unchanged, replaced) = (GroupedCount(summary.unchanged), GroupedCount(summary.replaced))
            let line =
                paths.count == 1
                ? Messages.Commands.importedValuesOneFile(
                    count: count, years: edition, unitSet: label, database: databasePath, inserted: inserted, unchanged: unchanged,
                    replaced: replaced)
                : Messages.Commands.importedValues(
                    count: count, years: edition, unitSet: label, files: paths.count, database: databasePath, inserted: inserted,
                    unchanged: unchanged, replaced: replaced)
            console.print(line.text(console.language))
            printReplacements(summary, reference: reference, console: console)
        }

        /// What `--replace` replaced, edition by edition: the first values with before and after,
        /// and how many in all, so a value overwritten by mistake is seen at once.
        private func printReplacements(_ summary: HistoryStore.ImportSummary, reference: ReferenceData, console: Console) {
            for year in summary.replacedPerYear.keys.sorted() {
                let replaced = summary.replacements.filter { $0.key.year == year }
                // Values in the run's number format ("0,829 → 0,72" in Vietnamese), at full precision.
                func number(_ value: Double) -> String { ExactNumber(value).text(console.language) }
                let shown = replaced.prefix(5).map { replacement in
                    let key = replacement.key
                    let name = reference.registry.unitSet(key.unitSetID)?.unit(code: key.unitCode)?.name ?? key.unitCode
                    return
                        "\(name) (\(key.unitCode)) \(key.indicatorID) \(number(replacement.before)) → \(replacement.after.map(number) ?? (Messages.Commands.blank.text(console.language)))"
                }
                let count = summary.replacedPerYear[year] ?? 0
                let listed = shown.joined(separator: "; ")
                let all = count > shown.count ? Messages.Commands.replacedAndMore(shown: listed, count: count - shown.count) : Wording.same(listed)
                let said =
                    count == 1
                    ? Messages.Commands.replacedValue(year: year, shown: all) : Messages.Commands.replacedValues(year: year, count: count, shown: all)
                console.print(said.text(console.language))
            }
        }

        /// `import --units FILE --update-units` with no data file: records the file's units as the
        /// set's list, after saying how it differs from the one recorded.
        private func recordUnitsOnly(_ unitSet: UnitSet, reference: ReferenceData, console: Console) throws {
            let databasePath = console.databasePath(data)
            let store = try Paths.existingStore(at: databasePath, editions: reference.editions)
            let change = try UnitSetIdentity.verify(unitSet, store: store, reference: reference, accepting: true, continuing: continuing)
            guard
                let record = try UnitSetIdentity.record(
                    for: unitSet.dataSetID, reference: reference, accepting: true, continuing: continuing)
            else { return }
            try store.recordUnitSet(record, at: ISO8601DateFormatter().string(from: Date()))
            let said =
                change == nil
                ? Messages.Commands.unitsRecorded(source: record.source, setID: record.id, database: databasePath, count: record.units.count)
                : Messages.Commands.newUnitListRecorded(count: record.units.count, setID: record.id, database: databasePath)
            console.print(said.text(console.language))
        }
    }
}
