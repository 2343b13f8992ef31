import ArgumentParser
import DTICore
import DTIIngest
import DTIStorage
import DTIWorkflow
import Foundation

extension DTICommand {
    /// `dti import FILE…`: validate everything, then store it in one transaction.
    struct Import: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
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
        @OptionGroup var languageOption: LanguageOption
        @OptionGroup var input: InputOptions
        @OptionGroup var unitOptions: UnitSetOptions

        /// The files to import.
        @Argument(help: ArgumentHelp("CSV, XML or Excel (.xlsx) files, or directories holding them.", valueName: "file"))
        var files: [String] = []

        /// Overwrite stored values that differ.
        @Flag(help: "Replace stored values that differ; the old values stay in the history.")
        var replace = false

        /// Accept a unit file whose units differ from those recorded with its stored values.
        @Flag(
            help:
                "Record the units of the --units file as the set's new list when they differ from the list recorded with its stored values (units removed, renamed or moved); with no file, only the list is recorded."
        )
        var updateUnits = false

        /// Codes of retired units that a unit of the --units file continues.
        @Option(
            help: ArgumentHelp(
                "With --update-units: codes (comma-separated) of retired units that a unit of the --units file continues, so their stored values become its own. Without it a retired unit's code is refused.",
                valueName: "codes"))
        var continues: String?

        /// The codes `--continues` names.
        var continuing: Set<String> {
            Set((continues ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }

        func validate() throws {
            if files.isEmpty, !updateUnits {
                throw optionError(
                    "give the files to import (CSV, XML or .xlsx, or folders holding them).",
                    vi: "hãy cho các tệp cần nhập (CSV, XML hoặc .xlsx, hoặc thư mục chứa chúng).")
            }
            if updateUnits, unitOptions.isProvinces || unitOptions.units == "communes" {
                throw optionError(
                    "'--update-units' records the units of a unit file: give it with '--units FILE'.",
                    vi: "'--update-units' ghi lại đơn vị của một tệp đơn vị: hãy dùng kèm '--units TỆP'.")
            }
            if continues != nil, !updateUnits {
                throw optionError(
                    "'--continues' says that a new unit continues a retired one: give it with '--update-units'.",
                    vi: "'--continues' nói rằng một đơn vị mới kế tục một đơn vị đã bỏ: hãy dùng kèm '--update-units'.")
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
            let vi = console.language == .vi
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
            if vi {
                console.print(
                    "Đã nhập \(Self.count(outcome.valueCount)) giá trị \(years.isEmpty ? "(không kỳ nào)" : "năm " + years)\(unitSet.map { " (\($0.labelWording.text(.vi)))" } ?? "") từ \(paths.count) tệp vào \(databasePath): "
                        + "\(Self.count(summary.inserted)) mới, \(Self.count(summary.unchanged)) không đổi, \(Self.count(summary.replaced)) được thay."
                )
            } else {
                console.print(
                    "Imported \(outcome.valueCount) values for \(years.isEmpty ? "no edition" : years)\(unitSet.map { " (\($0.label))" } ?? "") from \(paths.count) file\(paths.count == 1 ? "" : "s") into \(databasePath): "
                        + "\(summary.inserted) new, \(summary.unchanged) unchanged, \(summary.replaced) replaced.")
            }
            printReplacements(summary, reference: reference, console: console)
        }

        /// A count as Vietnamese writes it ("2.201").
        static func count(_ value: Int) -> String { NumberText.grouped(value, separator: ".") }

        /// What `--replace` replaced, edition by edition: the first values with before and after,
        /// and how many in all, so a value overwritten by mistake is seen at once.
        private func printReplacements(_ summary: HistoryStore.ImportSummary, reference: ReferenceData, console: Console) {
            for year in summary.replacedPerYear.keys.sorted() {
                let replaced = summary.replacements.filter { $0.key.year == year }
                // Values in the run's number format ("0,829 → 0,72" in Vietnamese), at full precision.
                let vietnamese = console.language == .vi
                func number(_ value: Double) -> String { vietnamese ? NumberText.exactVI(value) : NumberText.exact(value) }
                let shown = replaced.prefix(5).map { replacement in
                    let key = replacement.key
                    let name = reference.registry.unitSet(key.unitSetID)?.unit(code: key.unitCode)?.name ?? key.unitCode
                    return
                        "\(name) (\(key.unitCode)) \(key.indicatorID) \(number(replacement.before)) → \(replacement.after.map(number) ?? (Messages.Commands.blank.text(console.language)))"
                }
                let count = summary.replacedPerYear[year] ?? 0
                if console.language == .vi {
                    let more = count > shown.count ? "; và \(count - shown.count) giá trị khác (dti history cho xem từng giá trị)" : ""
                    console.print("  \(year): đã thay \(count) giá trị: \(shown.joined(separator: "; "))\(more)")
                } else {
                    let more = count > shown.count ? "; and \(count - shown.count) more (dti history shows each)" : ""
                    console.print("  \(year): replaced \(count) value\(count == 1 ? "" : "s"): \(shown.joined(separator: "; "))\(more)")
                }
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
            let vi = console.language == .vi
            if vi {
                console.print(
                    change == nil
                        ? "Đã ghi các đơn vị của \(record.source) cho tập '\(record.id)' trong \(databasePath) (\(record.units.count) đơn vị)."
                        : "Đã ghi danh sách mới gồm \(record.units.count) đơn vị cho tập '\(record.id)' trong \(databasePath).")
            } else {
                console.print(
                    change == nil
                        ? "The units of \(record.source) are recorded for the set '\(record.id)' in \(databasePath) (\(record.units.count) units)."
                        : "Recorded the new list of \(record.units.count) units for the set '\(record.id)' in \(databasePath).")
            }
        }
    }
}
