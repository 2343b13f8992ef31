import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti explain PROVINCE --year Y [--since Y0]`: why a unit's DTI and rank changed.
    struct Explain: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "explain",
                    abstract: Messages.Help.explainAbstract.helpText,
                    discussion: Messages.Help.explainDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var analysis: AnalysisOptions

        @Argument(help: ArgumentHelp(Messages.Help.provinceArgument.helpText, valueName: Messages.HelpValue.province.helpText))
        var province: String

        @Option(help: ArgumentHelp(Messages.Help.explainSince.helpText, valueName: Messages.HelpValue.year.helpText))
        var since: Int?

        @OptionGroup var unitOptions: UnitSetOptions

        func validate() throws {
            if let since, since >= analysis.year {
                throw optionError(Messages.Commands.sinceMustBeEditionBefore(analysisYear: analysis.year, since: since))
            }
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
            let year = analysis.year
            let now = try loader.result(year: year, unitSet: reference.chosenUnitSet)
            let unit = try UnitNames.units([province], in: now.unitSet, registry: reference.registry, notes: console.notes)[0]
            guard let sinceYear = try since ?? loader.storedYears(in: now.unitSet).last(where: { $0 < year }) else {
                throw WorkflowError.noEarlierEdition(year: year, database: loader.databasePath)
            }
            let (sinceEdition, _) = try reference.edition(sinceYear)
            guard now.unitSet.parentSetID != nil || reference.registry.crosswalk(from: sinceEdition.unitSet, to: now.unitSet.id) != nil else {
                throw console.invalidOption(
                    Messages.Commands.wasRankedInWhichCannot(sinceYear: sinceYear, unitSet: sinceEdition.unitSet, unitSetID: now.unitSet.id))
            }
            let then = try loader.result(year: sinceYear, unitSet: now.unitSet)
            let explanation: ChangeExplanation
            do {
                explanation = try ChangeExplanation(unitCode: unit.code, now: now, then: then)
            } catch {
                throw WorkflowError.cannotExplain(error)
            }
            var seen: Set<Notice> = []
            let notices = (now.notices + then.notices).filter { seen.insert($0).inserted }
            let view = ExplainView(explanation, notices: notices, language: console.language)
            AnalysisOutput.print(view.document, json: view.json, format: analysis.format, on: console)
        }
    }
}
