import ArgumentParser
import DTICore
import DTIIngest
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti whatif PROVINCE --year Y --set ID=VALUE…`: score and rank with some values changed.
    struct WhatIfCommand: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "whatif",
                    abstract: Messages.Help.whatifAbstract.helpText,
                    discussion: Messages.Help.whatifDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var analysis: AnalysisOptions

        @Argument(help: ArgumentHelp(Messages.Help.provinceArgument.helpText, valueName: Messages.HelpValue.province.helpText))
        var province: String

        @Option(
            name: .customLong("set"), parsing: .upToNextOption,
            help: ArgumentHelp(Messages.Help.whatifAssignments.helpText, valueName: Messages.HelpValue.idValue.helpText))
        var assignments: [String] = []

        @Option(help: ArgumentHelp(Messages.Help.whatifDecimal.helpText, valueName: Messages.HelpValue.mark.helpText))
        var decimal: DecimalMark?

        @OptionGroup var unitOptions: UnitSetOptions

        func validate() throws {
            if assignments.isEmpty {
                throw optionError(Messages.Commands.giveAtLeastOneValue)
            }
            for assignment in assignments where Self.split(assignment) == nil {
                throw optionError(Messages.Commands.setTakesINDICATORVALUEE(assignment: assignment))
            }
        }

        static func split(_ assignment: String) -> (id: String, value: String)? {
            guard let equals = assignment.firstIndex(of: "=") else { return nil }
            let id = String(assignment[..<equals]).trimmingWhitespace()
            let value = String(assignment[assignment.index(after: equals)...]).trimmingWhitespace()
            return id.isEmpty || value.isEmpty ? nil : (id, value)
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
            let year = analysis.year
            let own = try loader.ownEdition(year: year, unitSet: reference.chosenUnitSet)
            let unit = try UnitNames.units([province], in: own.result.unitSet, registry: reference.registry, notes: console.notes)[0]
            // The values go through the same checks as a file's: ids, ranges, component rules.
            let raws = assignments.enumerated().compactMap { index, assignment -> RawObservation? in
                guard let (id, value) = Self.split(assignment) else { return nil }
                let line = index + 1
                return RawObservation(
                    year: SourceCell(String(year), line: line, column: nil), province: SourceCell(unit.code, line: line, column: nil),
                    indicator: SourceCell(id, line: line, column: nil), value: SourceCell(value, line: line, column: nil))
            }
            let built = ObservationBuilder.build(
                raws, file: "--set",
                context: reference.ingestContext(year: year, decimal: decimal, unitSet: reference.unitSet(id: own.edition.unitSet)))
            let errors = built.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                let language = console.language
                let messages = errors.map { error in
                    let assignment = error.location?.line.map { assignments[$0 - 1] } ?? ""
                    return "'--set \(assignment)': \(error.wording.text(language))" + (error.hintWording.map { "; \($0.text(language))" } ?? "")
                }
                throw console.invalidOption(messages.joined(separator: Messages.Commands.error2.text(language)))
            }
            let whatIf = try WhatIf(
                unit: unit, observations: own.observations, replacements: built.observations, edition: own.edition, catalogue: own.catalogue,
                registry: reference.registry)
            let view = WhatIfView(whatIf, notices: own.result.notices, language: console.language)
            AnalysisOutput.print(view.document, json: view.json, format: analysis.format, on: console)
        }
    }
}
