import ArgumentParser
import DTIAnalysis
import DTICore
import DTIReport
import DTIWorkflow

extension DTICommand {
    /// `dti audit --year Y`: the statistical audit of an edition's indicators.
    struct Audit: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "audit",
                    abstract: Messages.Help.auditAbstract.helpText,
                    discussion: Messages.Help.auditDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var analysisOptions: AnalysisOptions

        @OptionGroup var unitOptions: UnitSetOptions

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
            let year = analysisOptions.year
            let result = try loader.result(year: year, unitSet: reference.chosenUnitSet)
            let audit: StatisticalAudit
            do {
                audit = try StatisticalAudit(result)
            } catch {
                console.error(console.analysisFailure(verb: Messages.Commands.cannotAudit, year: year, error: error))
                throw ExitCode.failure
            }
            let view = AuditView(audit, notices: result.notices, year: year, language: console.language, catalogue: result.catalogue)
            AnalysisOutput.print(view.document, json: view.json, format: analysisOptions.format, on: console)
        }
    }
}
