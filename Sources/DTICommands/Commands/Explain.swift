import ArgumentParser
import DTICore
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti explain PROVINCE --year Y [--since Y0]`: why a unit's DTI and rank changed.
    struct Explain: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain why a province's DTI and rank changed: each main indicator's points gained or lost, and who it passed.",
            discussion: """
                The contributions add up to the change of the DTI. When the framework changed between the editions, \
                only the parts with the same id and points are compared; the others are listed as not comparable. \
                With --units 34, a unit formed on 1 July 2025 is explained against its members' back-cast scores.
                """)

        @OptionGroup var data: DataOptions
        @OptionGroup var analysis: AnalysisOptions

        @Argument(help: ArgumentHelp("Province name or code.", valueName: "province"))
        var province: String

        @Option(help: ArgumentHelp("The earlier edition (default: the previous stored edition).", valueName: "year"))
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
