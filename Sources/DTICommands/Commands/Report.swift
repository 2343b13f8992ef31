import ArgumentParser
import DTIAnalysis
import DTICore
import DTIFiles
import DTIReport
import DTIWorkflow
import Foundation

extension ReportLanguage: ExpressibleByArgument {}

extension DTICommand {
    /// `dti report --year Y --out DIR`: the national report, a profile per unit, an optional
    /// comparison and an index, as self-contained HTML and/or Markdown with SVG charts.
    struct Report: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "report",
                    abstract: Messages.Help.reportAbstract.helpText,
                    discussion: Messages.Help.reportDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions

        @Option(parsing: .unconditional, help: ArgumentHelp(Messages.Help.editionYear.helpText, valueName: Messages.HelpValue.year.helpText))
        var year: Int

        @OptionGroup var unitOptions: UnitSetOptions

        @Option(help: ArgumentHelp(Messages.Help.reportLang.helpText, valueName: Messages.HelpValue.lang.helpText))
        var lang: ReportLanguage = .vi

        @Option(help: ArgumentHelp(Messages.Help.reportFormat.helpText, valueName: Messages.HelpValue.formats.helpText))
        var format: String = "html,markdown"

        @Option(help: ArgumentHelp(Messages.Help.reportOut.helpText, valueName: Messages.HelpValue.dir.helpText))
        var out: String

        @Option(help: ArgumentHelp(Messages.Help.reportCompare.helpText, valueName: Messages.HelpValue.names.helpText))
        var compare: String?

        @Option(help: ArgumentHelp(Messages.Help.reportDate.helpText, valueName: Messages.HelpValue.text.helpText))
        var date: String?

        @Flag(help: ArgumentHelp(Messages.Help.reportDryRun.helpText))
        var dryRun = false

        @Flag(
            help:
                ArgumentHelp(Messages.Help.reportUncertainty.helpText)
        )
        var uncertainty = false

        @Option(help: ArgumentHelp(Messages.Help.reportRuns.helpText, valueName: Messages.HelpValue.n.helpText))
        var runs: Int = UncertaintyAnalysis.standardRuns

        @Flag(help: ArgumentHelp(Messages.Help.reportAudit.helpText))
        var audit = false

        @OptionGroup var scenario: ScenarioOptions

        func validate() throws {
            if out.isEmpty {
                throw optionError(Messages.Commands.outNeedsFolderGotEmpty)
            }
            for name in formats where ReportFormat(rawValue: name) == nil {
                throw optionError(Messages.Commands.formatTakesHtmlAndOr(name: name))
            }
            if runs < 1 || runs > UncertaintyAnalysis.maxRuns {
                throw optionError(Messages.Commands.runsMustBeBetween1(maxRuns: UncertaintyAnalysis.maxRuns, runs: runs))
            }
            if let compare {
                let count = compare.split(separator: ",").count
                if !(2...6).contains(count) {
                    throw optionError(Messages.Commands.compareTakes2To6(count: count))
                }
            }
            if uncertainty, try !scenario.scenario().isOfficial {
                throw optionError(Messages.Commands.uncertaintyAnalysesOfficialMethodLeave)
            }
        }

        var formats: [String] { format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let loader = try ResultLoader(reference: reference, databasePath: console.databasePath(data))
            let (official, observations) = try loader.resultWithObservations(year: year, unitSet: reference.chosenUnitSet)
            // A method of one's own scores every edition the report shows, so no change compares two
            // methods (ReportAssembly leaves out an earlier edition it cannot score).
            let result = try scenario.apply(to: official, console: console)
            // A unit named twice (two former provinces of one new unit) is compared once, as `compare` does.
            let named =
                try compare.map { names in
                    try DTICommand.Compare.namedUnits(
                        names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, in: result.unitSet, registry: reference.registry,
                        console: console)
                } ?? []
            let compared = named.compactMap { found in result.row(code: found.unit.code) }
            var input = try ReportAssembly.input(
                result: result, observations: observations, method: try scenario.scenario(), loader: loader, reference: reference, named: named,
                language: lang, date: date)
            if uncertainty || audit {
                do {
                    if uncertainty {
                        let matrix = try IndexMatrix(result)
                        if let refusal = UncertaintyAnalysis.runsRefusal(runs, units: matrix.units.count) { throw console.invalidOption(refusal) }
                        let assumptions = Assumptions.standard
                        let analysis = UncertaintyAnalysis(
                            kernel: IndexKernel(matrix, imputations: assumptions.imputations), assumptions: assumptions, runs: runs,
                            seed: UncertaintyAnalysis.standardSeed, threads: ProcessInfo.processInfo.activeProcessorCount)
                        input.uncertainty = RankUncertainty(matrix: matrix, analysis: analysis)
                    }
                    if audit { input.audit = try StatisticalAudit(result) }
                } catch let exit as ExitCode {
                    throw exit
                } catch {
                    console.error(
                        console.analysisFailure(verb: Messages.Commands.cannotAnalyse, year: year, error: error))
                    throw ExitCode.failure
                }
            }
            let pages = ReportPages(input)
            let files = pages.files(
                formats: formats.compactMap(ReportFormat.init(rawValue:)), compare: compared,
                threads: ProcessInfo.processInfo.activeProcessorCount)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
                throw WorkflowError.wouldOverwrite(
                    path: out,
                    what: Messages.Commands.folderOutNamesFolderOf)
            }
            let written = formats.compactMap(ReportFormat.init(rawValue:))
            let changes = try ReportFolderWriter(folderPath: out).write(files, dryRun: dryRun) { path in
                written.contains { $0.ownsPage(path) }
            }
            let changed = changes.filter { $0.change != .unchanged && $0.change != .removed }
            let removed = changes.filter { $0.change == .removed }
            let language = console.language
            if dryRun {
                for (path, change) in changed {
                    console.print(
                        (change == .new ? Messages.Commands.wouldWriteNew(path: path) : Messages.Commands.wouldWriteChanged(path: path)).text(
                            language))
                }
                for (path, _) in removed { console.print(Messages.Commands.wouldRemove(path: path).text(language)) }
                let said =
                    removed.isEmpty
                    ? Messages.Commands.wouldChange(changed: changed.count, files: files.count, folder: out)
                    : Messages.Commands.wouldChangeAndRemove(changed: changed.count, files: files.count, folder: out, removed: removed.count)
                console.print(said.text(language))
            } else {
                let (unchanged, listed) = (files.count - changed.count, Wording.list(formats))
                let said =
                    removed.isEmpty
                    ? Messages.Commands.wroteReport(
                        changed: changed.count, folder: out, unchanged: unchanged, profiles: pages.profileCount, formats: listed,
                        language: lang.rawValue)
                    : Messages.Commands.wroteReportAndRemoved(
                        changed: changed.count, folder: out, unchanged: unchanged, profiles: pages.profileCount, formats: listed,
                        language: lang.rawValue,
                        removed: removed.count)
                console.print(said.text(language))
            }
        }
    }
}
