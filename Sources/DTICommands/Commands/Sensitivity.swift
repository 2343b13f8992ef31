import ArgumentParser
import DTIAnalysis
import DTICore
import DTIFiles
import DTIReport
import DTIWorkflow
import Foundation

extension Aggregation: ExpressibleByArgument {}
extension Imputation: ExpressibleByArgument {}

extension DTICommand {
    /// `dti sensitivity --year Y`: Monte Carlo rank intervals over the method's assumptions.
    struct Sensitivity: ConsoleCommand {
        static var configuration: CommandConfiguration {
            ConfigurationCache.configuration(of: Self.self) {
                CommandConfiguration(
                    commandName: "sensitivity",
                    abstract: Messages.Help.sensitivityAbstract.helpText,
                    discussion: Messages.Help.sensitivityDiscussion.helpText)
            }
        }

        @OptionGroup var data: DataOptions
        @OptionGroup var analysisOptions: AnalysisOptions

        @Option(help: ArgumentHelp(Messages.Help.sensitivityWeights.helpText, valueName: Messages.HelpValue.spread.helpText))
        var weights: String = PublishedPrecision.format(Assumptions.standard.weightSpread * 100, decimals: 0) + "%"

        @Option(help: ArgumentHelp(Messages.Help.sensitivityAggregation.helpText, valueName: Messages.HelpValue.list.helpText))
        var aggregation: String = Assumptions.standard.aggregations.map(\.rawValue).joined(separator: ",")

        @Option(help: ArgumentHelp(Messages.Help.sensitivityImpute.helpText, valueName: Messages.HelpValue.list.helpText))
        var impute: String = "zero"

        @Option(
            help: ArgumentHelp(
                Messages.Help.sensitivityNormalise.helpText, valueName: Messages.HelpValue.list.helpText))
        var normalise: String = "official"

        @Option(help: ArgumentHelp(Messages.Help.sensitivityRuns.helpText, valueName: Messages.HelpValue.n.helpText))
        var runs: Int = UncertaintyAnalysis.standardRuns

        @Option(help: ArgumentHelp(Messages.Help.sensitivitySeed.helpText, valueName: Messages.HelpValue.s.helpText))
        var seed: UInt64 = UncertaintyAnalysis.standardSeed

        @OptionGroup var unitOptions: UnitSetOptions

        @Option(help: ArgumentHelp(Messages.Help.sensitivityThreads.helpText, valueName: Messages.HelpValue.n.helpText))
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: ArgumentHelp(Messages.Help.sensitivitySobol.helpText))
        var sobol = false

        @Option(help: ArgumentHelp(Messages.Help.sensitivityRunsOut.helpText, valueName: Messages.HelpValue.file.helpText))
        var runsOut: String?

        @Flag(help: ArgumentHelp(Messages.Help.sensitivityForce.helpText))
        var force = false

        func validate() throws {
            if runs < 1 { throw optionError(Messages.Commands.runsMustBeAtLeast(runs: runs)) }
            if runs > UncertaintyAnalysis.maxRuns {
                throw optionError(Messages.Commands.runsMustBeAtMost(maxRuns: UncertaintyAnalysis.maxRuns, runs: runs))
            }
            if !(1...256).contains(threads) {
                throw optionError(Messages.Commands.threadsMustBeBetween1(threads: threads))
            }
            if let runsOut, runsOut.isEmpty { throw optionError(Messages.Commands.runsOutNeedsFileName) }
            if force, runsOut == nil {
                throw optionError(Messages.Commands.forceLetsRunsOutReplace)
            }
            _ = try Self.spread(weights)
            _ = try Self.list(aggregation, option: "--aggregation", as: Aggregation.self)
            _ = try Self.list(impute, option: "--impute", as: Imputation.self)
            let normalisations = try Self.list(normalise, option: "--normalise", as: Normalisation.self)
            if normalisations.contains(.zscore), try Self.list(aggregation, option: "--aggregation", as: Aggregation.self).contains(.geometric) {
                throw optionError(Scenario.Problem.zscoreWithGeometric.wording)
            }
        }

        /// `25%`, `0.25` → 0.25.
        static func spread(_ text: String) throws -> Double {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let isPercent = trimmed.hasSuffix("%")
            guard let number = Double(isPercent ? String(trimmed.dropLast()) : trimmed), number.isFinite else {
                throw optionError(Messages.Commands.weightsTakesSpreadSuchAs(text: text))
            }
            let spread = isPercent ? number / 100 : number
            guard (0..<1).contains(spread) else {
                throw optionError(Messages.Commands.weightsMustBeAtLeast(text: text))
            }
            return spread
        }

        /// A comma-separated list of a choice's values, without repeats.
        static func list<T: RawRepresentable & CaseIterable & Equatable>(_ text: String, option: String, as: T.Type) throws -> [T]
        where T.RawValue == String {
            var result: [T] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let value = T(rawValue: name) else {
                    let known = T.allCases.map(\.rawValue)
                    let hint = Suggestions.sentence(for: name, among: known)
                    // The values quoted, as typed: they are words of the command line, not of a sentence.
                    let values = known.map { "'\($0)'" }.joined(separator: ", ")
                    throw optionError(Messages.Commands.optionTakesValues(option: option, values: values, name: name, hint: hint))
                }
                if !result.contains(value) { result.append(value) }
            }
            return result
        }

        func run(on console: Console) throws {
            let reference = try ReferenceData(options: data, units: unitOptions, console: console)
            let databasePath = console.databasePath(data)
            let runsTarget = try runsOut.map { try OutputFile(path: $0, database: databasePath, rule: .writtenByDTI(force: force)) }
            let loader = try ResultLoader(reference: reference, databasePath: databasePath)
            let year = analysisOptions.year
            let result = try loader.result(year: year, unitSet: reference.chosenUnitSet)
            let matrix: IndexMatrix
            do {
                matrix = try IndexMatrix(result)
            } catch {
                console.error(
                    console.analysisFailure(verb: Messages.Commands.cannotAnalyse, year: year, error: error))
                throw ExitCode.failure
            }
            let assumptions = Assumptions(
                weightSpread: try Self.spread(weights), aggregations: try Self.list(aggregation, option: "--aggregation", as: Aggregation.self),
                imputations: try Self.list(impute, option: "--impute", as: Imputation.self),
                normalisations: try Self.list(normalise, option: "--normalise", as: Normalisation.self))
            if let refusal = UncertaintyAnalysis.runsRefusal(runs, units: matrix.units.count) { throw console.invalidOption(refusal) }
            let inputCount = assumptions.inputNames(elements: matrix.elements.map(\.id)).count
            if sobol, inputCount > 0, runs < SobolAnalysis.minimumRuns(inputs: inputCount) {
                let minimum = SobolAnalysis.minimumRuns(inputs: inputCount)
                throw console.invalidOption(
                    Messages.Commands.sobolNeedsAtLeastRuns(
                        minimum: minimum, inputCount: inputCount, minimumBaseRuns: SobolAnalysis.minimumBaseRuns, runs: runs))
            }
            let kernel = IndexKernel(matrix, imputations: assumptions.imputations, normalisations: assumptions.normalisations)
            let progress = ProgressLine(total: runs, console: console, label: Messages.Commands.runs.text(console.language))
            let analysis = UncertaintyAnalysis(
                kernel: kernel, assumptions: assumptions, runs: runs, seed: seed, threads: threads, progress: { progress.update($0) })
            progress.finish()
            let sobolAnalysis = sobol ? SobolAnalysis(kernel: kernel, assumptions: assumptions, runs: runs, seed: seed) : nil
            if sobol, sobolAnalysis == nil {
                console.notes(
                    Messages.Commands.nothingIsVariedWeights0)
            }
            let view = SensitivityView(
                matrix: matrix, analysis: analysis, removeOne: RemoveOneAnalysis(kernel: kernel), sobol: sobolAnalysis,
                notices: result.notices, year: year, language: console.language)
            try runsTarget?.write { write in
                try view.runsCSV { chunk in try chunk.utf8CString.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0.dropLast())) } }
            }
            AnalysisOutput.print(view.document, json: view.json, format: analysisOptions.format, on: console)
        }
    }
}
