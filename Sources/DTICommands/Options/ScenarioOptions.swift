import ArgumentParser
import DTIAnalysis
import DTICore
import DTIIngest
import DTIWorkflow
import Foundation

extension Normalisation: ExpressibleByArgument {}

/// `--weights ID=POINTS,…`, `--aggregation sum|geometric` and `--normalise
/// official|minmax|zscore|rank`: a method of one's own for `rank` and `report`, scored as
/// `Scenario` scores it and marked NOT THE OFFICIAL METHOD on every output.
struct ScenarioOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            Messages.Help.scenarioOptionsWeights.helpText,
            valueName: Messages.HelpValue.idPoints.helpText))
    var weights: String?

    @Option(help: ArgumentHelp(Messages.Help.scenarioOptionsAggregation.helpText, valueName: Messages.HelpValue.method.helpText))
    var aggregation: Aggregation = .sum

    @Option(
        help: ArgumentHelp(
            Messages.Help.scenarioOptionsNormalise.helpText,
            valueName: Messages.HelpValue.method.helpText))
    var normalise: Normalisation = .official

    func validate() throws {
        _ = try points()
        if aggregation == .geometric, normalise == .zscore {
            throw optionError(Scenario.Problem.zscoreWithGeometric.wording)
        }
    }

    /// `government_activity=400,awareness=50` → points by id; the ids are checked against the
    /// edition once it is loaded.
    func points() throws -> [String: Double] {
        guard let weights else { return [:] }
        var points: [String: Double] = [:]
        for part in weights.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty else {
                throw optionError(Messages.Commands.weightsTakesIDPOINTSPairs(part: part))
            }
            let value: Double
            // Read as every other reader of dti reads a number (not Swift's `Double`, which takes
            // `0x10` as 16), with the decimal point: the comma separates the pairs here.
            switch pair[1].contains("%") ? nil : NumberReading.value(NumberReading.analyse(pair[1]), mark: .point) {
            case let .success(read) where read.isFinite:
                value = read
            default:
                throw optionError(Messages.Commands.weightsGivesPointsAsNumbers(points: pair[1], id: pair[0]))
            }
            guard value >= 0 else {
                throw optionError(
                    Scenario.Problem.negativePoints(pair[0], value).wording)
            }
            guard points[pair[0]] == nil else {
                throw optionError(Messages.Commands.weightsGivesTwice(id: pair[0]))
            }
            points[pair[0]] = value
        }
        return points
    }

    /// The scenario the options describe.
    func scenario() throws -> Scenario {
        Scenario(points: try points(), aggregation: aggregation, normalisation: normalise)
    }

    /// `result` scored by the scenario (itself for the official method); a scenario the edition
    /// cannot take is one sentence and exit 64.
    func apply(to result: EditionResult, console: Console) throws -> EditionResult {
        do {
            return try scenario().apply(to: result)
        } catch let problem as Scenario.Problem {
            throw console.invalidOption(problem.wording)
        } catch let failure as IndexMatrix.Failure {
            throw console.invalidOption(
                Messages.Commands.yourOwnMethodCannotBe(failure: failure.wording))
        }
    }
}
