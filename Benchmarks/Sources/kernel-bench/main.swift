import DTIAnalysis
import DTICore
import DTIIngest
import DTIWorkflow
import Foundation

/// Times the analysis in-process on the 2022 sample (63 units × 8 main indicators): building
/// the matrix from a scored edition, 10,000 Monte Carlo runs with weights ±25% and sum|geometric,
/// and the Sobol design, each the median of 7.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

let reference = try ReferenceData(indicatorsPath: root.appendingPathComponent("Indicators").path)
let observations = CSVObservationReader.read(
    try text("SampleData/dti-2022.csv"), file: "dti-2022.csv", context: reference.ingestContext(year: nil)
).observations
let (edition, catalogue) = try reference.edition(2022)
let result = try EditionScoring.score(observations, edition: edition, catalogue: catalogue, registry: reference.registry, in: edition.unitSet)

func medianMilliseconds(_ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<7 {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return times.sorted()[3]
}

let assumptions = Assumptions(weightSpread: 0.25, aggregations: [.sum, .geometric])
let kernel = IndexKernel(try IndexMatrix(result), imputations: [.zero])
let build = try medianMilliseconds { _ = IndexKernel(try IndexMatrix(result), imputations: [.zero]) }
let monteCarlo = medianMilliseconds { _ = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 10_000, seed: 1) }
let sobol = medianMilliseconds { _ = SobolAnalysis(kernel: kernel, assumptions: assumptions, runs: 10_000, seed: 1) }
print(
    String(
        format: "in-process: matrix and kernel %.2f ms; 10,000 Monte Carlo runs %.1f ms; Sobol design (10,000 runs, 200 bootstraps) %.1f ms", build,
        monteCarlo, sobol))
