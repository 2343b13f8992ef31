import DTICore
import Foundation
import Testing

@testable import DTIAnalysis

struct UncertaintyAnalysisTests {
    @Test(arguments: [2020, 2022, 2024])
    func theMatrixGivesBackTheOfficialIndex(year: Int) throws {
        let matrix = try IndexMatrix(try SampleEdition.result(year))
        #expect(abs(matrix.weights.reduce(0, +) - 1) < 1e-12)
        let kernel = IndexKernel(matrix, imputations: [.zero])
        var scores = [Double](repeating: 0, count: matrix.units.count)
        kernel.scores(RunParameters([], assumptions: Assumptions(), elementCount: matrix.elements.count), into: &scores)
        for unit in matrix.units.indices { #expect(abs(scores[unit] - matrix.nominalIndex[unit]) < 1e-12) }
        var ranks = [Int](repeating: 0, count: scores.count)
        var order = Array(scores.indices)
        IndexKernel.rank(scores, order: &order, into: &ranks)
        #expect(ranks == matrix.nominalRanks)
    }

    @Test func intervalsAreNearestRankPercentilesOfEachUnitsRanks() {
        // Three units over 20 runs, run by run: unit 0 is 1 in 19 runs and 3 once; unit 1 climbs
        // from 2 to 3; unit 2 takes the rest. Each unit's histogram is cleared before the next.
        var ranks: [Int32] = []
        for run in 0..<20 {
            let first: Int32 = run == 19 ? 3 : 1
            let second: Int32 = run < 10 ? 2 : 3
            ranks += [first, second, run == 19 ? 2 : (second == 2 ? 3 : 2)]
        }
        let intervals = UncertaintyAnalysis.intervals(ranks: ranks, runs: 20, nominal: [1, 2, 3])
        #expect(intervals.map(\.p05) == [1, 2, 2])
        #expect(intervals.map(\.median) == [1, 2, 2])
        #expect(intervals.map(\.p95) == [1, 3, 3])
        #expect(abs(intervals[0].mean - 1.1) < 1e-12)
        #expect(UncertaintyAnalysis.maxRuns(units: 63) == 3_174_603)
        #expect(UncertaintyAnalysis.maxRuns(units: 20_000) == 10_000)
    }

    @Test func withNothingVariedEveryIntervalIsTheOfficialRank() throws {
        let kernel = IndexKernel(try IndexMatrix(try SampleEdition.result(2022)), imputations: [.zero])
        let analysis = UncertaintyAnalysis(kernel: kernel, assumptions: Assumptions(weightSpread: 0), runs: 200, seed: 7)
        for interval in analysis.intervals {
            #expect(interval.p05 == interval.nominal && interval.median == interval.nominal && interval.p95 == interval.nominal)
        }
        // Official ties (Hải Phòng and Bắc Giang in the 2022 sample) form a group; nothing else does.
        #expect(analysis.groups.allSatisfy { group in Set(group.map { analysis.intervals[$0].nominal }).count == 1 })
        #expect(!analysis.groups.isEmpty)
    }

    @Test func theSameSeedGivesTheSameRunsAndAnotherSeedOthers() throws {
        let kernel = IndexKernel(try IndexMatrix(try SampleEdition.result(2022)), imputations: [.zero, .median])
        let assumptions = Assumptions(weightSpread: 0.25, aggregations: [.sum, .geometric], imputations: [.zero, .median])
        let first = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 300, seed: 42)
        let again = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 300, seed: 42)
        let other = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 300, seed: 43)
        #expect(first.ranks == again.ranks && first.intervals == again.intervals)
        #expect(first.ranks != other.ranks)
        // Run r does not depend on how many runs come before or after it (how threads would split them).
        let fewer = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 100, seed: 42)
        #expect(Array(first.ranks.prefix(fewer.ranks.count)) == fewer.ranks)
        #expect(first.intervals.contains { $0.p05 < $0.p95 }, "25% weight noise must move some rank")
        for threads in [2, 3, 8] {
            let parallel = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 3_000, seed: 42, threads: threads)
            let serial = UncertaintyAnalysis(kernel: kernel, assumptions: assumptions, runs: 3_000, seed: 42, threads: 1)
            #expect(parallel.ranks == serial.ranks && parallel.intervals == serial.intervals && parallel.parameters == serial.parameters)
        }
        #expect(Set(first.parameters.map(\.aggregation)) == [.sum, .geometric])
    }

    @Test func theGeometricMeanByHand() throws {
        let matrix = try IndexMatrix(try SampleEdition.result(2022))
        let kernel = IndexKernel(matrix, imputations: [.zero])
        var parameters = RunParameters([], assumptions: Assumptions(), elementCount: matrix.elements.count)
        parameters.aggregation = .geometric
        var scores = [Double](repeating: 0, count: matrix.units.count)
        kernel.scores(parameters, into: &scores)
        let unit = 0
        var product = 1.0
        for element in matrix.elements.indices {
            product *= Foundation.pow(max(matrix.share(unit: unit, element: element), 0.001), matrix.weights[element])
        }
        #expect(abs(scores[unit] - product) < 1e-12)
        #expect(scores[unit] <= matrix.nominalIndex[unit] + 1e-12, "a geometric mean never exceeds the arithmetic one")
    }

    @Test func removingAnElementMovesRanksAndRemovingNoneWouldNot() throws {
        let kernel = IndexKernel(try IndexMatrix(try SampleEdition.result(2022)), imputations: [.zero])
        let analysis = RemoveOneAnalysis(kernel: kernel)
        #expect(analysis.removals.count == kernel.matrix.elements.count)
        #expect(analysis.removals.contains { $0.maxAbsoluteShift > 0 })
        for removal in analysis.removals {
            #expect(removal.shifts.reduce(0) { $0 + abs($1) } == Int((removal.meanAbsoluteShift * Double(removal.shifts.count)).rounded()))
        }
    }

    @Test func sobolIndicesSayWhichAssumptionMatters() throws {
        let kernel = IndexKernel(try IndexMatrix(try SampleEdition.result(2022)), imputations: [.zero])
        // Only the aggregation varies: it explains all the variance, alone.
        let only = try #require(
            SobolAnalysis(kernel: kernel, assumptions: Assumptions(aggregations: [.sum, .geometric]), runs: 600, seed: 3))
        #expect(only.inputs == ["aggregation"])
        let total = try #require(only.overall[0].total)
        #expect(abs(total.value - 1) < 0.15, "the only input explains all the variance: \(total.value)")
        #expect(total.low <= 1 && total.high >= 0.85)
        #expect(SobolAnalysis(kernel: kernel, assumptions: Assumptions(), runs: 100, seed: 3) == nil)
        let mixed = try #require(
            SobolAnalysis(kernel: kernel, assumptions: Assumptions(weightSpread: 0.25, aggregations: [.sum, .geometric]), runs: 1_000, seed: 3))
        #expect(mixed.inputs.count == kernel.matrix.elements.count + 1)
        for indices in mixed.overall {
            if let first = indices.first, let total = indices.total {
                #expect(first.low <= first.high && total.low <= total.high)
                #expect(total.value >= -0.05)
            }
        }
        #expect(mixed.perUnit.count == kernel.matrix.units.count)
    }

    @Test func anEditionWithOneUnitIsRefusedInOneSentence() throws {
        let result = try SampleEdition.result(2022)
        let lonely = EditionResult(
            edition: result.edition, catalogue: result.catalogue, unitSet: result.unitSet, rows: Array(result.rows.prefix(1)))
        #expect(throws: IndexMatrix.Failure.tooFewUnits(1)) { try IndexMatrix(lonely) }
    }

    /// Groups are the connected components of "reversed in at least 10 % of the runs", over every
    /// pair: X (1st) and Z (3rd) reverse in 6 runs of 10 while Y keeps ahead of Z, so chaining
    /// neighbours alone would leave Z out and call its order meaningful.
    @Test func aPairThatReversesOftenSharesAGroupEvenWhenNotNeighbours() {
        // Units X, Y, Z (official ranks 1, 2, 3) and a fourth, W (4), far behind in every run.
        let reversedRun: [Int32] = [3, 1, 2, 4]
        let officialRun: [Int32] = [1, 2, 3, 4]
        let ranks = Array(repeating: reversedRun, count: 6).flatMap { $0 } + Array(repeating: officialRun, count: 4).flatMap { $0 }
        let groups = UncertaintyAnalysis.groups(ranks: ranks, runs: 10, nominal: [1, 2, 3, 4], reversal: 0.10)
        #expect(groups == [[0, 1, 2]])
        // Under the threshold, no pair: each alone.
        let rare = Array(repeating: reversedRun, count: 1).flatMap { $0 } + Array(repeating: officialRun, count: 19).flatMap { $0 }
        #expect(UncertaintyAnalysis.groups(ranks: rare, runs: 20, nominal: [1, 2, 3, 4], reversal: 0.10).isEmpty)
        // Official ties are one group whatever the runs.
        #expect(UncertaintyAnalysis.groups(ranks: officialRun.map { $0 == 4 ? 3 : $0 }, runs: 1, nominal: [1, 2, 3, 3], reversal: 0.10) == [[2, 3]])
    }
}
