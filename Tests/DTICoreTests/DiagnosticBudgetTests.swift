import DTICore
import Testing

struct DiagnosticBudgetTests {
    /// A kind is the message without its quoted parts and numbers: a million bad cells are one
    /// kind, listed 100 times and then counted.
    @Test func keepsTheFirstOfEachKindAndCountsTheRest() {
        var budget = DiagnosticBudget(perKind: 3)
        for line in 1...10 {
            budget.add(
                Diagnostic(
                    .error, "value.not-a-number", .same("value 'x\(line)' is not a number"), at: SourceLocation(file: "a.csv", line: line, column: 4))
            )
        }
        budget.add(
            Diagnostic(
                .warning, "header.column-extra", .same("column 'q' is not part of the long format"),
                at: SourceLocation(file: "a.csv", line: 1, column: 9)))
        let kept = budget.diagnostics
        #expect(
            kept.map(\.description).prefix(4) == [
                "a.csv:1:4: error: value 'x1' is not a number",
                "a.csv:2:4: error: value 'x2' is not a number",
                "a.csv:3:4: error: value 'x3' is not a number",
                "a.csv:1:9: warning: column 'q' is not part of the long format",
            ])
        #expect(
            kept.last?.description
                == "a.csv: error: … and 7 more like this (value 'x1' is not a number); the first 3 are listed; fix those and run again")
        #expect(kept.count(.error) == 10)
        #expect(kept.count(.warning) == 1)
        #expect(budget.total == 11)
    }
}
