import Foundation
import Testing

@testable import XLSX

/// Reading workbooks as the programs people use write them.
struct WorkbookReaderTests {
    private func cells(_ sheet: Sheet) -> [String: CellValue] {
        Dictionary(uniqueKeysWithValues: sheet.cells.map { ($0.reference.description, $0.value) })
    }

    @Test func openpyxlWorkbookHasItsMergesNumbersAndText() throws {
        let sheet = try Workbook(bytes: try WorkbookFixtures.bytes("openpyxl-long.xlsx")).sheet()
        #expect(sheet.name == "Dữ liệu")
        let values = cells(sheet)
        #expect(values["A2"] == .text("Tỉnh"))
        #expect(values["D3"] == .number(0.5789))
        #expect(values["B3"] == .number(2022))
        // Typed as text, with a decimal comma, the Vietnamese way: kept as text for the data reader.
        #expect(values["D21"] == .text("0,6920"))
        #expect(sheet.mergedRanges.contains(try #require(CellRange("A1:F1"))))
        #expect(sheet.mergedRanges.contains(try #require(CellRange("A3:A10"))))
    }

    @Test func datesAreReadAsDatesAndSheetsAreListedInTabOrder() throws {
        let workbook = try Workbook(bytes: try WorkbookFixtures.bytes("openpyxl-wide.xlsx"))
        #expect(workbook.sheetNames == ["Dữ liệu rộng", "2022"])
        let values = cells(try workbook.sheet())
        guard case let .date(date)? = values["B3"] else {
            Issue.record("B3 should be a date, got \(String(describing: values["B3"]))")
            return
        }
        #expect(date.isoText == "2022-12-31")
        #expect(try workbook.sheet(named: "2022").name == "2022")
        #expect(throws: XLSXError.noSuchSheet("2023", available: ["Dữ liệu rộng", "2022"])) { try workbook.sheet(named: "2023") }
    }

    @Test func formulasAreReadThroughTheirSavedResults() throws {
        let saved = cells(try Workbook(bytes: try WorkbookFixtures.bytes("libreoffice-formulas.xlsx")).sheet())
        #expect(saved["D2"] == .number(0.5789))
        let unsaved = cells(try Workbook(bytes: try WorkbookFixtures.bytes("formula-without-value.xlsx")).sheet())
        #expect(unsaved["D2"] == .formulaWithoutValue(formula: "0.5+0.0789"))
        #expect(unsaved["D3"] == .number(0.61))
    }

    @Test func handWrittenCellsInlineStringsAnd1904Dates() throws {
        let sheet = try Workbook(bytes: try WorkbookFixtures.bytes("handmade-cells.xlsx")).sheet()
        let values = cells(sheet)
        // No `r` attributes: cells are placed by their order.
        #expect(values["A1"] == .text("province"))
        #expect(values["E2"] == .text("Sở TT&TT"))
        #expect(values["E3"] == .text("line one\r two"))
        #expect(values["D3"] == .text("0.6074"))
        guard case let .date(date)? = values["B2"] else {
            Issue.record("B2 should be a 1904-system date")
            return
        }
        #expect(date.isoText == "2022-12-31")
    }

    @Test func writtenWorkbooksReadBackCellForCellAndTheSameSheetsGiveTheSameBytes() throws {
        let sheets = [
            Worksheet(
                name: "Xếp hạng: 2024/25?",
                rows: [
                    [.heading("Tỉnh"), .heading("DTI"), .heading("Hạng")],
                    [.text("Bắc Ninh"), .number(0.695355, .fourDecimals), .number(30, .integer)],
                    [.text(" lề <&> \"x\" \u{1}"), .empty, .number(1e-7, .general)],
                ],
                validations: [
                    DataValidation(
                        .decimal(minimum: 0, maximum: 1), ranges: [try #require(CellRange("B2:B3"))], errorTitle: "DTI", errorMessage: "0–1")
                ]),
            Worksheet(name: "xếp hạng: 2024/25?", rows: [[.text("second")]]),
        ]
        let bytes = try WorkbookWriter.bytes(sheets)
        #expect(try WorkbookWriter.bytes(sheets) == bytes)
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheetNames == ["Xếp hạng- 2024-25-", "xếp hạng- 2024-25- (2)"])
        let values = cells(try workbook.sheet())
        #expect(values["A2"] == .text("Bắc Ninh"))
        #expect(values["B2"] == .number(0.695355))
        #expect(values["C2"] == .number(30))
        #expect(values["A3"] == .text(" lề <&> \"x\" \u{1}"))
        #expect(values["B3"] == nil)
        #expect(values["C3"] == .number(1e-7))
    }

    @Test func hostileWorkbooksEachGetTheirOwnSentence() throws {
        let small = XLSXLimits(maxPartBytes: 1 << 20, maxTotalBytes: 4 << 20, maxRows: 1_000, maxEntries: 100)
        let cases: [(String, XLSXError)] = [
            ("zip-bomb.xlsx", .tooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 20)),
            // The archive claims 1 KB: only counting while inflating catches it.
            ("zip-bomb-lying-size.xlsx", .tooLarge(part: "xl/worksheets/sheet1.xml", limit: 1 << 20)),
            ("path-traversal.xlsx", .unsafeEntryName("../../evil.sh")),
            ("encrypted.xlsx", .compoundFile(encrypted: true)),
            ("old-binary.xls", .compoundFile(encrypted: false)),
            ("corrupt.xlsx", .damaged(detail: "its ZIP directory cannot be read")),
            ("last-row.xlsx", .tooManyRows(sheet: "Data", row: 1_048_576, limit: 1_000)),
            ("billion-laughs.xlsx", .declaresDTD(part: "xl/worksheets/sheet1.xml")),
            ("external-entity.xlsx", .declaresDTD(part: "xl/worksheets/sheet1.xml")),
            ("not-a-zip.xlsx", .notAWorkbook),
        ]
        for (name, expected) in cases {
            #expect(throws: expected, "\(name)") { try Workbook(bytes: try WorkbookFixtures.bytes(name), limits: small).sheet() }
        }
    }

    /// A sheet of Excel's full 1,048,576 rows is refused once it passes the row limit, without
    /// reading on to its end.
    @Test func aMillionRowSheetStopsAtTheRowLimit() throws {
        var rows = ""
        rows.reserveCapacity(50 << 20)
        for row in 1...1_048_576 { rows += "<row r=\"\(row)\"><c r=\"A\(row)\"><v>1</v></c></row>" }
        let bytes = try WorkbookFixtures.workbook(sheet: WorkbookFixtures.sheetXML(rows))
        #expect(throws: XLSXError.tooManyRows(sheet: "Data", row: 250_001, limit: 250_000)) { try Workbook(bytes: bytes).sheet() }
    }

    @Test func entryNamesThatLeaveTheArchiveAreRecognised() {
        for name in ["../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\..\\x"] { #expect(!WorkbookPackage.isContained(name), "\(name)") }
        for name in ["xl/worksheets/sheet1.xml", "[Content_Types].xml", "a..b/c"] { #expect(WorkbookPackage.isContained(name), "\(name)") }
    }
}

extension WorkbookReaderTests {
    @Test func aSheetThatIsNotWellFormedXMLIsNamedWithItsLine() throws {
        let bytes = try WorkbookFixtures.workbook(sheet: "<worksheet>\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        do {
            _ = try Workbook(bytes: bytes).sheet()
            Issue.record("a broken sheet was read")
        } catch {
            guard case let .malformedPart(part, line, message) = error else {
                Issue.record("expected a malformed part, got \(error)")
                return
            }
            #expect(part == "xl/worksheets/sheet1.xml")
            #expect(line == 3)
            #expect(message.contains("mismatch"), "\(message)")
        }
    }
}

extension WorkbookReaderTests {
    /// Booleans, error values and a string formula's result, each as its own kind of value.
    @Test func booleansErrorsAndStringResultsKeepTheirKind() throws {
        let rows =
            #"<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>"#
            + #"<c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1" t="b"><f>TRUE()</f></c><c r="F1" s="3"/></row>"#
        let values = cells(try Workbook(bytes: try WorkbookFixtures.workbook(sheet: WorkbookFixtures.sheetXML(rows))).sheet())
        #expect(values["A1"] == .boolean(true))
        #expect(values["B1"] == .boolean(false))
        #expect(values["C1"] == .error("#N/A"))
        #expect(values["D1"] == .text("ab"))
        #expect(values["E1"] == .formulaWithoutValue(formula: "TRUE()"))
        // A styled cell with nothing in it is not a cell that holds something.
        #expect(values["F1"] == nil)
    }
}
