import Testing

@testable import DTIReport

/// A name or note that a spreadsheet would run is written so that it is shown instead.
struct FormulaNeutralisingTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"Hà Nội\")", "'=HYPERLINK(\"http://x\",\"Hà Nội\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\tHà Nội", "'\tHà Nội"), ("\r=1", "'\r=1"),
        ("-0.25", "-0.25"), ("+1", "+1"), ("-1e-05", "-1e-05"), ("Hà Nội", "Hà Nội"), ("", ""), ("-", "'-"),
    ])
    func formulaLikeTextIsNeutralisedAndNumbersPass(text: String, expected: String) {
        #expect(FormulaNeutralising.neutralised(text) == expected)
    }

    @Test func everyCSVCellGoesThroughIt() {
        #expect(RankingCSVRenderer.quote("=1+1") == "'=1+1")
        #expect(RankingCSVRenderer.quote("=SUM(1,2)") == "\"'=SUM(1,2)\"")
        #expect(RankingCSVRenderer.quote("-0.5") == "-0.5")
    }
}
