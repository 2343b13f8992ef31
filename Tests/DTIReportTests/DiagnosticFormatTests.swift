import DTICore
import DTIReport
import Testing

/// A problem in a workbook is located by sheet and cell in every diagnostic format.
struct DiagnosticFormatTests {
    let diagnostic = Diagnostic(
        .error, "value.out-of-range",
        Messages.Ingest.outsideZeroOne(value: "97", entry: EntryName(id: "awareness", nameVI: "")),
        hint: Wording.same("give a share"),
        at: SourceLocation(file: "in.xlsx", line: 12, column: 3, sheet: "Dữ liệu"))

    @Test func textNamesTheCellAsSpreadsheetsDo() {
        #expect(
            DiagnosticFormat.text.render([diagnostic], fileCount: 1)
                == "in.xlsx:'Dữ liệu'!C12: error: value 97 for awareness is outside [0, 1]; give a share\n1 error, 0 warnings in 1 file\n")
    }

    @Test func jsonAddsTheSheetAndCell() {
        #expect(
            DiagnosticFormat.json.render([diagnostic], fileCount: 1).contains(
                #""file":"in.xlsx","line":12,"column":3,"sheet":"Dữ liệu","cell":"C12","severity":"error""#))
    }

    /// GitHub would annotate line 12 of a binary file: the cell goes into the message instead.
    @Test func githubPutsTheCellInTheMessage() {
        #expect(
            DiagnosticFormat.github.render([diagnostic], fileCount: 1).hasPrefix(
                "::error file=in.xlsx,title=dti validate::'Dữ liệu'!C12: value 97 for awareness is outside [0, 1]; give a share\n"))
    }

    @Test func sheetNamesAreQuotedOnlyWhenTheyNeedIt() {
        #expect(SourceLocation(file: "f.xlsx", line: 2, column: 28, sheet: "Data2024").description == "f.xlsx:Data2024!AB2")
        #expect(SourceLocation(file: "f.xlsx", line: 2, column: nil, sheet: "It's").description == "f.xlsx:'It''s'!2:2")
        #expect(SourceLocation(file: "f.csv", line: 2, column: 28).description == "f.csv:2:28")
    }
}
