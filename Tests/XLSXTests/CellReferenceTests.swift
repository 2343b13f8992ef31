import Foundation
import Testing

@testable import XLSX

struct CellReferenceTests {
    @Test(arguments: [("A1", 1, 1), ("C12", 12, 3), ("Z9", 9, 26), ("AA1", 1, 27), ("XFD1048576", 1_048_576, 16_384), ("$B$2", 2, 2)])
    func readsAndWritesReferences(text: String, row: Int, column: Int) throws {
        let reference = try #require(CellReference(text))
        #expect(reference.row == row && reference.column == column)
        #expect(reference.description == text.replacingOccurrences(of: "$", with: ""))
    }

    @Test(arguments: ["", "A", "12", "A0", "1A", "XFE1", "A1048577", "ABCD1", "A-1"])
    func refusesWhatIsNotACell(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func rangesOrderTheirCornersAndContainTheirCells() throws {
        let range = try #require(CellRange("C3:A1"))
        #expect(range.description == "A1:C3")
        #expect(range.contains(CellReference(row: 2, column: 2)))
        #expect(!range.contains(CellReference(row: 4, column: 1)))
    }

    /// Serial 60 is the 29 February 1900 that never was; 61 is 1 March 1900 in both readings.
    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"), (45292.0, false, "2024-01-01"),
        (44926.75, false, "2022-12-31"), (0.0, true, "1904-01-01"), (43464.0, true, "2022-12-31"),
    ])
    func serialDatesAreCivilDates(serial: Double, uses1904: Bool, expected: String) {
        #expect(SerialDate(serial: serial, uses1904: uses1904).isoText == expected)
    }

    @Test(arguments: [
        ("dd/mm/yyyy", true), ("[$-42A]d mmmm yyyy", true), ("h:mm", true), ("0.0000", false), ("#,##0 \"đ\"", false),
        ("[Red]0.00", false), ("0.00_);(0.00)", false), ("General", false), ("\"day\" 0", false),
    ])
    func tellsDateFormatsFromNumberFormats(code: String, isDate: Bool) {
        #expect(WorkbookParts.isDateFormat(code) == isDate)
    }

    @Test func readsOOXMLEscapes() {
        #expect(WorkbookParts.unescaped("a_x000D_b_x0009_") == "a\rb\t")
        #expect(WorkbookParts.unescaped("_x00_ and _xZZZZ_ stay") == "_x00_ and _xZZZZ_ stay")
    }
}

/// The writer is held to the reader's limits: what dti writes, dti (and Excel) can read back.
struct WorkbookWriterLimitTests {
    @Test func aSheetBeyondTheReadersLimitsIsRefusedNotWritten() {
        let limits = XLSXLimits(maxPartBytes: 4_096, maxTotalBytes: 1 << 20, maxRows: 100, maxEntries: 100)
        let rows = (0..<90).map { [OutputCell.text("Đơn vị \($0)"), .number(Double($0), .integer)] }
        do {
            _ = try WorkbookWriter.bytes([Worksheet(name: "Data", rows: rows)], limits: limits)
            Issue.record("a sheet larger than the reader reads was written")
        } catch let WorkbookWriter.Refusal.partTooLarge(part, bytes, limit) {
            #expect(part == "xl/worksheets/sheet1.xml" && bytes > limit && limit == 4_096)
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: WorkbookWriter.Refusal.tooManyRows(sheet: "Data", rows: 101, limit: 100)) {
            _ = try WorkbookWriter.bytes([Worksheet(name: "Data", rows: Array(repeating: [.empty], count: 101))], limits: limits)
        }
        let long = String(repeating: "x", count: WorkbookWriter.maxCellCharacters + 1)
        #expect(throws: WorkbookWriter.Refusal.cellTooLong(sheet: "Data", cell: "B1", characters: WorkbookWriter.maxCellCharacters + 1)) {
            _ = try WorkbookWriter.bytes([Worksheet(name: "Data", rows: [[.empty, .text(long)]])])
        }
    }

    @Test func aHiddenSheetIsWrittenHiddenAndReadBack() throws {
        let bytes = try WorkbookWriter.bytes([
            Worksheet(name: "Data", rows: [[.text("a")]]),
            Worksheet(name: "dti-template", rows: [[.text("edition"), .text("2024")]], isHidden: true),
        ])
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheetNames == ["Data", "dti-template"])
        #expect(try workbook.sheet(named: "dti-template").cells.count == 2)
    }
}
