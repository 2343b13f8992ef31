import Testing

@testable import DTIAnalysis

/// The audit's statistics against values worked out by hand (and checked with R's e1071 type 3).
struct StatisticsTests {
    @Test func momentsOfASmallSample() throws {
        // x = 1, 2, 3, 10: mean 4, deviations −3 −2 −1 6, Σd² = 50, s² = 50/3,
        // m3 = (−27 − 8 − 1 + 216)/4 = 45, m4 = (81 + 16 + 1 + 1296)/4 = 348.5.
        let x: [Double] = [1, 2, 3, 10]
        #expect(Statistics.mean(x) == 4)
        let s = try #require(Statistics.standardDeviation(x))
        #expect(abs(s * s - 50.0 / 3) < 1e-12)
        let skew = try #require(Statistics.skewness(x))
        #expect(abs(skew - 45 / ((50.0 / 3) * (50.0 / 3).squareRoot())) < 1e-12)
        let kurtosis = try #require(Statistics.kurtosis(x))
        #expect(abs(kurtosis - (348.5 / ((50.0 / 3) * (50.0 / 3)) - 3)) < 1e-12)
    }

    @Test func undefinedStatisticsAreNilNotNaN() {
        #expect(Statistics.standardDeviation([5]) == nil)
        #expect(Statistics.skewness([2, 2, 2, 2]) == nil)
        #expect(Statistics.kurtosis([1, 2, 3]) == nil)
        #expect(Statistics.pearson([1, 2, 3], [4, 4, 4]) == nil)
        #expect(Statistics.cronbachAlpha([[1, 1], [1, 1]]) == nil)
    }

    @Test func spearmanGivesTiesTheirAverageRank() throws {
        #expect(Statistics.averageRanks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        // Ranks x: 1 2 3 4, y: 1 2.5 2.5 4 → Pearson of those.
        let rho = try #require(Statistics.spearman([1, 2, 3, 4], [1, 5, 5, 9]))
        let expected = try #require(Statistics.pearson([1, 2, 3, 4], [1, 2.5, 2.5, 4]))
        #expect(abs(rho - expected) < 1e-12)
        #expect(abs(expected - 0.9486832980505138) < 1e-12)
        #expect(Statistics.spearman([1, 2, 3], [30, 20, 10]) == -1)
    }

    @Test func cronbachAlphaByHand() throws {
        // Items a = 1 2 3, b = 2 3 5: var(a) = 1, var(b) = 7/3, totals 3 5 8 → var 19/3.
        // α = 2 · (1 − (1 + 7/3) / (19/3)) = 2 · 9/19 = 18/19.
        let alpha = try #require(Statistics.cronbachAlpha([[1, 2, 3], [2, 3, 5]]))
        #expect(abs(alpha - 18.0 / 19) < 1e-12)
    }

    @Test func nearestRankPercentiles() {
        // Ranks 1 ×5, 2 ×90, 3 ×5 over 100 runs.
        let counts = [0, 5, 90, 5]
        #expect(Statistics.percentile(counts: counts, total: 100, fraction: 0.05) == 1)
        #expect(Statistics.percentile(counts: counts, total: 100, fraction: 0.5) == 2)
        #expect(Statistics.percentile(counts: counts, total: 100, fraction: 0.95) == 2)
        #expect(Statistics.percentile(counts: counts, total: 100, fraction: 0.96) == 3)
    }
}
