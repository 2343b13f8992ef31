import ArgumentParser
import DTICore
import DTIReport
import DTIStorage
import DTIWorkflow

extension DTICommand {
    /// `dti history PROVINCE --year Y`: what was stored for a unit, and what replaced what.
    struct History: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "history",
                    abstract: Messages.Help.historyAbstract.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var languageOption: LanguageOption
        @OptionGroup var unitOptions: UnitSetOptions

        /// The province.
        @Argument(help: ArgumentHelp(Messages.Help.historyProvince.helpText, valueName: Messages.HelpValue.province.helpText))
        var province: String

        /// The edition.
        @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.editionYear.helpText, valueName: Messages.HelpValue.year.helpText))
        var year: Int

        /// Only this entry.
        @Option(help: ArgumentHelp(Messages.Help.historyIndicator.helpText, valueName: Messages.HelpValue.id.helpText))
        var indicator: String?

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let chosen = reference.chosenUnitSet
            let (edition, catalogue) = try reference.edition(year, unitSet: chosen)
            guard let unitSet = chosen ?? reference.unitSet(id: edition.unitSet) else {
                throw console.invalidOption(Messages.Commands.noUnitSetFor(year: year))
            }
            let databasePath = console.databasePath(data)
            let store = try Paths.existingStore(at: databasePath, editions: reference.editions)
            let unit = try Self.unit(province, in: unitSet, year: year, store: store, registry: reference.registry, console: console)
            let entries = try store.history(unitCode: unit.code, year: year, unitSetID: unitSet.dataSetID).filter {
                indicator == nil || $0.indicatorID == indicator
            }
            let language = console.language
            guard !entries.isEmpty else {
                console.print(
                    Messages.Commands.noStoredValuesForIn(unitName: unit.name, unitCode: unit.code, year: year, databasePath: databasePath).text(
                        console.language))
                return
            }
            console.print(
                Messages.Commands.framework(
                    unitName: unit.name, unitCode: unit.code, year: year, framework: catalogue.framework, databasePath: databasePath
                ).text(console.language))
            var table = TextTable(
                headers: language.headings(Messages.Commands.historyHeaders),
                alignments: [.left, .right, .left, .left, .left, .left])
            for entry in entries {
                // A Vietnamese reader is given the entry's name, with the id a file's header uses.
                let name = catalogue.node(entry.indicatorID).map { EntryName(id: entry.indicatorID, nameVI: $0.nameVI) }
                table.rows.append([
                    name?.text(language) ?? entry.indicatorID, ExactNumber(entry.value).text(language),
                    "\(SourceLocation(file: entry.file, line: entry.line, column: entry.sheet == nil ? nil : entry.column, sheet: entry.sheet))",
                    String((entry.sha256 ?? "–").prefix(12)),
                    entry.importedAt,
                    entry.replacedAt.map {
                        Messages.Commands.replacedAtBy(replacedAt: $0, replacedBy: entry.replacedBy ?? "?").text(console.language)
                    }
                        ?? (Messages.Commands.current.text(console.language)),
                ])
            }
            console.print(table.render())
        }

        /// The unit named `text` in `unitSet`, or one its unit file no longer lists but whose values
        /// are stored (by code or exact name, from the recorded list): those values are not ranked,
        /// and this is where they are seen.
        static func unit(_ text: String, in unitSet: UnitSet, year: Int, store: HistoryStore, registry: UnitRegistry, console: Console) throws
            -> AdministrativeUnit
        {
            if case let .success(found) = UnitResolver(unitSet, registry: registry).resolve(text) {
                if let note = found.noteWording { console.notes(note) }
                return found.unit
            }
            let trimmed = text.trimmingWhitespace()
            if let retired = try store.recordedUnitSet(unitSet.dataSetID)?.retired.first(where: { $0.code == trimmed || $0.name == trimmed }) {
                console.notes(
                    Messages.Commands.isNoLongerInIts(retiredName: retired.name, retiredCode: retired.code, labelWording: unitSet.labelWording))
                return AdministrativeUnit(
                    code: retired.code, name: retired.name, fullName: retired.name, nameEN: retired.name, parentCode: retired.parent)
            }
            // Values stored before unit sets were recorded: a code still finds them.
            if unitSet.unit(code: trimmed) == nil, !(try store.history(unitCode: trimmed, year: year, unitSetID: unitSet.dataSetID)).isEmpty {
                console.notes(
                    Messages.Commands.isNotCodeOfValues(trimmed: trimmed, labelWording: unitSet.labelWording))
                return AdministrativeUnit(code: trimmed, name: trimmed, fullName: trimmed, nameEN: trimmed)
            }
            return try UnitNames.units([text], in: unitSet, registry: registry, notes: console.notes)[0]
        }
    }
}
