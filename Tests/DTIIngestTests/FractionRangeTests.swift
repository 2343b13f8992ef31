import DTICore
import DTIIngest
import Testing

/// Found by fuzzing: a chain of fractions can overflow where each of its numbers does not.
struct FractionRangeTests {
    @Test func aChainOfFractionsThatOverflowsIsOutOfRangeNotInfinite() {
        let text = "12e307/907/02/05/74e05"
        guard case let .invalid(reason) = NumberReading.analyse(text) else {
            Issue.record("expected out of range, got \(NumberReading.analyse(text))")
            return
        }
        #expect(reason.text(.en) == "'\(text)' is out of range: no value that large can be stored")
        // An ordinary fraction is still read.
        #expect(NumberReading.analyse("1591/2003") == .plain(1591.0 / 2003.0))
    }

    @Test func suggestionsSkipCandidatesTooFarInLengthYetKeepNearOnesAndPrefixes() {
        let ids = ["awareness", "institutions", "infrastructure", "government_activity"]
        #expect(EditDistance.closest(to: "awarenes", among: ids) == ["awareness"])
        #expect(EditDistance.closest(to: "infra", among: ids) == ["infrastructure"])
        #expect(EditDistance.closest(to: String(repeating: "awareness", count: 4_000), among: ids).isEmpty)
    }
}
