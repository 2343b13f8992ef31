import DTICore
import Testing
import XLSX

@testable import DTIIngest

/// The XLSX reader and writer speak English only; the catalogue's `xlsx.…`, `zip.…` and
/// `xlsxWrite.…` messages are patterns of their sentences. Each of their sentences must match one,
/// or a Vietnamese user would read English after "Lỗi:": this fails when XLSX's English changes.
struct XLSXWordingTests {
    static let errors: [XLSXError] = [
        .compoundFile(encrypted: true), .compoundFile(encrypted: false), .notAWorkbook, .openDocument(spreadsheet: true),
        .openDocument(spreadsheet: false), .unsafeEntryName("../x"), .tooLarge(part: "xl/a.xml", limit: 64 << 20),
        .tooManyEntries(count: 20_000, limit: 10_000), .missingPart("xl/workbook.xml"),
        .malformedPart(part: "xl/a.xml", line: 3, message: "libxml2: tag mismatch"), .malformedPart(part: "xl/a.xml", line: nil, message: "m"),
        .declaresDTD(part: "xl/a.xml"), .tooManyRows(sheet: "Data", row: 2_000_000, limit: 1_048_576),
        .noSuchSheet("Dữ liệu", available: ["Data", "Notes"]), .noSheets,
    ]
    static let details = [
        "the archive is empty", "its ZIP directory cannot be read", "it is a ZIP64 archive, which no workbook of DTI data needs",
        "its ZIP directory lies outside the file", "'xl/a.xml' is encrypted", "'xl/a.xml' points outside the file",
        "'xl/a.xml' claims 99 bytes, more than the file holds", "'xl/a.xml' uses compression method 12, which workbooks do not use",
        "the checksum of 'xl/a.xml' does not match its contents", "'xl/a.xml' cannot be inflated",
    ]

    @Test(arguments: errors + details.map { XLSXError.damaged(detail: $0) })
    func everyRefusalIsSaidInVietnamese(error: XLSXError) {
        let wording = error.wording
        #expect(wording.text(.en) == error.description)
        let vietnamese = wording.text(.vi)
        for word in [" the ", " is ", " not ", " cannot ", " which ", " more than "] {
            #expect(!vietnamese.contains(word), "\(vietnamese)")
        }
    }

    @Test func theWritersRefusalsAreSaidInVietnamese() {
        let refusals: [WorkbookWriter.Refusal] = [
            .tooManyRows(sheet: "Xếp hạng", rows: 2_000_000, limit: 1_048_576),
            .partTooLarge(part: "xl/worksheets/sheet1.xml", bytes: 300 << 20, limit: 256 << 20),
            .cellTooLong(sheet: "Data", cell: "B2", characters: 40_000),
        ]
        for refusal in refusals {
            let vietnamese = Wording.translated(refusal.description, areas: ["xlsxWrite"]).text(.vi)
            #expect(vietnamese != refusal.description && !vietnamese.contains(" would "), "\(vietnamese)")
        }
    }

    @Test func aCellProblemIsSaidInVietnamese() {
        let problem = CellProblem(
            reference: CellReference(row: 2, column: 4), kind: "cell-repeated",
            message: "the sheet's XML gives cell D2 twice, so which value it holds is not known",
            hint: "no spreadsheet program writes this: open the workbook in Excel or LibreOffice and save it again")
        #expect(problem.wording.text(.vi) == "XML của trang tính ghi ô D2 hai lần, nên không biết ô giữ giá trị nào")
        #expect(problem.hintWording.text(.vi).hasPrefix("không chương trình bảng tính nào"))
    }
}
