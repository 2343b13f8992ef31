import ArgumentParser
import DTICore
import DTIFiles
import DTIReport
import DTIWorkflow
import Foundation
import XLSX

/// `dti template --format`.
enum TemplateFormat: String, ExpressibleByArgument, CaseIterable {
    case xlsx, csv
}

extension DTICommand {
    /// `dti template --year YEAR`: the blank input file a province fills in.
    struct Template: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "template",
                    abstract: Messages.Help.templateAbstract.helpText,
                    discussion: Messages.Help.templateDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions

        @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.editionYear.helpText, valueName: Messages.HelpValue.year.helpText))
        var year: Int

        @OptionGroup var unitOptions: UnitSetOptions

        @Option(
            name: .customLong("unit"), help: ArgumentHelp(Messages.Help.templateOnly.helpText, valueName: Messages.HelpValue.name.helpText))
        var only: [String] = []

        @Option(help: ArgumentHelp(Messages.Help.templateFormat.helpText, valueName: Messages.HelpValue.format.helpText))
        var format: TemplateFormat = .xlsx

        @OptionGroup var output: OutputFileOption

        @OptionGroup var languageOption: LanguageOption

        func validate() throws {
            if !(2000...2100).contains(year) {
                throw optionError(Messages.Workflow.yearMustBeBetween2000(year: year))
            }
            try output.validate(binary: format == .xlsx)
        }

        /// The options `validate` and `import` need to read the filled-in file as this template
        /// was made: the reference data given and the units chosen (the province by its code).
        func readOptions(units: UnitSet) -> [String] {
            var options: [String] = []
            if let path = data.indicatorsPath { options += ["--indicators", path] }
            if let path = data.cataloguePath { options += ["--catalogue", path] }
            if let set = unitOptions.units { options += ["--units", set] }
            if unitOptions.parent != nil, let code = Set(units.units.compactMap(\.parentCode)).first {
                options += ["--parent", code]
            }
            return options
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let target = try output.target(database: console.databasePath(data))
            let chosenSet = reference.chosenUnitSet
            let (edition, catalogue) = try reference.edition(year, unitSet: chosenSet)
            guard let unitSet = chosenSet ?? reference.unitSet(id: edition.unitSet) else {
                throw console.invalidOption(
                    Messages.Commands.unitSetOfEditionIs(unitSet: edition.unitSet, year: year))
            }
            let chosen = only.isEmpty ? unitSet.units : try UnitNames.units(only, in: unitSet, registry: reference.registry, notes: console.notes)
            let template = InputTemplate(
                year: year, catalogue: catalogue, units: chosen, unitSet: unitSet, language: languageOption.lang ?? .vi,
                wholeSet: reference.unitSet(id: unitSet.dataSetID), parents: unitSet.parentSetID.flatMap(reference.registry.unitSet),
                readOptions: readOptions(units: unitSet))
            switch format {
            case .csv:
                try OutputFileOption.emit(template.csv, to: target, console: console)
            case .xlsx:
                guard let target else { return }
                try WorkbookExport.write(template, to: target)
            }
        }
    }
}
