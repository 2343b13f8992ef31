import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow

/// `dti compare --format`.
enum CompareOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, xlsx
}

extension DTICommand {
    /// `dti compare A B C [--year Y]`: side by side in the terminal.
    struct Compare: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "compare",
                    abstract: Messages.Help.compareAbstract.helpText)
            }
        }

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp(Messages.Help.compareProvinces.helpText, valueName: Messages.HelpValue.province.helpText))
        var provinces: [String]

        @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.editionLatestStored.helpText, valueName: Messages.HelpValue.year.helpText))
        var year: Int?

        @OptionGroup var unitOptions: UnitSetOptions

        @OptionGroup var languageOption: LanguageOption

        /// Output format.
        @Option(help: ArgumentHelp(Messages.Help.compareFormat.helpText, valueName: Messages.HelpValue.format.helpText))
        var format: CompareOutputFormat = .table

        @OptionGroup var output: OutputFileOption

        func validate() throws {
            if !(2...6).contains(provinces.count) {
                throw optionError(Messages.Commands.give2To6Provinces(provinces: provinces.count))
            }
            try output.validate(binary: format == .xlsx)
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let databasePath = console.databasePath(data)
            let target = try output.target(database: databasePath)
            let loader = try ResultLoader(reference: reference, databasePath: databasePath)
            let unitSet = reference.chosenUnitSet
            let result = try loader.result(year: try loader.year(year, in: unitSet), unitSet: unitSet)
            let chosen = try Self.distinctUnits(provinces, in: result.unitSet, registry: reference.registry, console: console)
            let rows = chosen.compactMap { unit in result.row(code: unit.code) }
            switch format {
            case .table:
                let text = TerminalComparison.render(
                    result, rows: rows, style: target == nil ? console.style : TerminalStyle(colour: false),
                    language: console.language)
                try OutputFileOption.emit(target == nil ? TextWrapping.wrapProse(text, width: console.width) : text, to: target, console: console)
            case .xlsx:
                guard let target else { return }
                try WorkbookExport.write(SpreadsheetTables.comparison(result, rows: rows, language: console.language), to: target)
            }
        }
    }

}

extension DTICommand.Compare {
    /// The units `names` stand for, each once: among the 34 units, "Bắc Ninh" and "Bắc Giang" are
    /// one unit, shown once with a note saying which names it stands for.
    static func distinctUnits(_ names: [String], in unitSet: UnitSet, registry: UnitRegistry, console: Console) throws -> [AdministrativeUnit] {
        try namedUnits(names, in: unitSet, registry: registry, console: console).map(\.unit)
    }

    /// As `distinctUnits`, with the names each unit stands for (two when two former provinces are one unit).
    static func namedUnits(_ names: [String], in unitSet: UnitSet, registry: UnitRegistry, console: Console) throws -> [(
        unit: AdministrativeUnit, names: [String]
    )] {
        let resolved = try UnitNames.resolve(names, in: unitSet, registry: registry, notes: console.notes)
        var units: [AdministrativeUnit] = []
        var namedAs: [String: [String]] = [:]
        for found in resolved {
            let name = found.formerUnit?.name ?? found.unit.name
            if !(namedAs[found.unit.code] ?? []).contains(name) { namedAs[found.unit.code, default: []].append(name) }
            if !units.contains(where: { $0.code == found.unit.code }) { units.append(found.unit) }
        }
        for unit in units {
            guard let names = namedAs[unit.code], names.count > 1 else { continue }
            console.notes(
                Messages.Commands.standsForShownOnce(unit: unit.name, names: Wording.list(names), unitSet: unitSet.labelWording))
        }
        guard units.count >= 2 else {
            let quoted = names.map { "'\($0)'" }
            throw console.invalidOption(
                Messages.Commands.oneUnitGiveTwo(names: Wording.list(quoted), unitSet: unitSet.labelWording))
        }
        return units.map { ($0, namedAs[$0.code] ?? [$0.name]) }
    }
}

extension DTICommand {
    /// `dti show PROVINCE [--year Y]`: a province's profile in the terminal.
    struct Show: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "show",
                    abstract: Messages.Help.showAbstract.helpText)
            }
        }

        @OptionGroup var data: DataOptions

        @Argument(help: ArgumentHelp(Messages.Help.provinceArgument.helpText, valueName: Messages.HelpValue.province.helpText))
        var province: String

        @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.editionLatestStored.helpText, valueName: Messages.HelpValue.year.helpText))
        var year: Int?

        @OptionGroup var unitOptions: UnitSetOptions

        @OptionGroup var languageOption: LanguageOption

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
            let unitSet = reference.chosenUnitSet
            let result = try loader.result(year: try loader.year(year, in: unitSet), unitSet: unitSet)
            let unit = try UnitNames.units([province], in: result.unitSet, registry: reference.registry, notes: console.notes)[0]
            // A unit without values has nothing to show: say so, and exit 1.
            guard let row = result.row(code: unit.code), row.isRanked else {
                throw WorkflowError.notRanked(name: unit.name, year: result.edition.year)
            }
            // One line of `dti explain` against the previous stored edition, when there is one.
            let language = console.language
            let movement = try loader.previous(before: result.edition.year, unitSet: result.unitSet).flatMap { previous in
                (try? ChangeExplanation(unitCode: unit.code, now: result, then: previous)).map {
                    ExplainView($0, notices: [], language: language).summary + " (\(language.terminal.explainHint))"
                }
            }
            let text = TerminalProfile.render(result, row: row, style: console.style, movement: movement, language: language)
            console.print(TextWrapping.wrapProse(text, width: console.width), terminator: "")
        }
    }
}
