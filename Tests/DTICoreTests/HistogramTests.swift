import DTICore
import Testing

struct HistogramTests {
    @Test func aValueOnAnEdgeFallsInTheBinThatStartsThere() {
        // 0.6 / 0.05 is 11.999999999999998 in binary floating point: it used to land in 0.55–0.60.
        let bins = Histogram([0.52, 0.6, 0.61, 0.7], width: 0.05).bins
        #expect(bins.map(\.lower) == [0.5, 0.55, 0.6, 0.65])
        #expect(bins.map(\.count) == [1, 0, 2, 1])
    }

    @Test func theLastBinIsClosed() {
        // The largest value on an edge belongs to the bin below it, not to a bin of its own.
        let bins = Histogram([0.5, 0.55, 0.6], width: 0.05).bins
        #expect(bins.map(\.lower) == [0.5, 0.55])
        #expect(bins.map(\.upper) == [0.55, 0.6])
        #expect(bins.map(\.count) == [1, 2])
    }

    @Test func theFirstBinIncludesItsLowerEdge() {
        let bins = Histogram([0.55, 0.5999], width: 0.05).bins
        #expect(bins.map(\.lower) == [0.55])
        #expect(bins.map(\.count) == [2])
    }

    @Test func oneValueOnAnEdgeHasOneBin() {
        #expect(Histogram([0.6], width: 0.05).bins == [.init(lower: 0.6, upper: 0.65, count: 1)])
        #expect(Histogram([], width: 0.05).bins.isEmpty)
    }

    @Test func everyValueIsCountedOnce() {
        let values = (0...100).map { Double($0) / 100 }
        let bins = Histogram(values, width: 0.05).bins
        #expect(bins.reduce(0) { $0 + $1.count } == values.count)
        #expect(bins.count == 20)
    }

    @Test func labelsRoundAtTheirPlaces() {
        #expect(PublishedPrecision.format(0.8099, decimals: 2, decimalSeparator: ",") == "0,81")
        #expect(PublishedPrecision.format(0.805, decimals: 2) == "0.81")
        #expect(PublishedPrecision.format(-0.004, decimals: 2) == "0.00")
        #expect(PublishedPrecision.format(0.5, decimals: 0) == "1")
    }
}

struct ApportionmentTests {
    @Test func roundedPartsAddUpToTheRoundedTotal() {
        // Each 0.00004 rounds to 0.0000, yet the three add up to 0.00012 → 0.0001.
        #expect(Apportionment.rounded([0.00004, 0.00004, 0.00004], scale: 10_000) == [1, 0, 0])
        #expect(Apportionment.rounded([0.015, -0.010, 0.010], scale: 10_000) == [150, -100, 100])
        // Negative totals move the part that lost most downwards.
        #expect(Apportionment.rounded([-0.00004, -0.00004, -0.00004], scale: 10_000) == [-1, 0, 0])
        let parts = [0.123456, -0.045678, 0.000049, 0.000049]
        let rounded = Apportionment.rounded(parts, scale: 10_000)
        #expect(rounded.reduce(0, +) == PublishedPrecision.key(parts.reduce(0, +)))
    }
}
