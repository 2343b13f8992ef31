import Testing

@testable import DTIIngest

/// The fast path for plain decimals must read every cell it takes exactly as the full analysis does.
struct PlainDecimalTests {
    @Test func theFastPathAgreesWithTheFullAnalysisOnEveryCellItTakes() {
        var generator = SeededGenerator(state: 14)
        var taken = 0
        for _ in 0..<20_000 {
            let before = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let after = String((0..<Int.random(in: 0...9, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let text = before + (Bool.random(using: &generator) ? "." : "") + after
            guard let fast = NumberReading.plainDecimal(text) else { continue }
            taken += 1
            #expect(fast == NumberReading.analyseInFull(text), "\(text)")
        }
        #expect(taken > 5_000)
        for text in ["0.4872", "56.83", "1.5", "000.12", "0.0001", "12.3456789012345"] {
            #expect(NumberReading.plainDecimal(text) == NumberReading.analyseInFull(text), "\(text)")
        }
        // What it must leave to the full analysis.
        for text in ["1.417", "0.500", "1,5", " 0.5", "0.5%", "1e-3", "-0.5", ".5", "5.", "1.2.3", "0,4872"] {
            #expect(NumberReading.plainDecimal(text) == nil, "\(text)")
        }
    }
}

/// SplitMix64, so the cells tried are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
