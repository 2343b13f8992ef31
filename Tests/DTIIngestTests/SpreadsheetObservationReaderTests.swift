import DTICore
import Foundation
import Testing
import XLSX

@testable import DTIIngest

/// Workbooks import exactly as the CSV file they are equivalent to, and point at their cells.
struct SpreadsheetObservationReaderTests {
    static let fixtures = RepositoryData.root.appendingPathComponent("Tests/dtiTests/Fixtures/xlsx")

    static func read(_ name: String, sheet: String? = nil, year: Int? = nil) throws -> IngestResult {
        var context = try RepositoryData.context(year: year)
        context.sheet = sheet
        let bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
        return DataFileReader.read(bytes, file: name, context: context)
    }

    /// What the database keeps of a value, less where it came from.
    struct Content: Hashable, Comparable {
        var year: Int, unit: String, indicator: String, value: Double, source: String?, note: String?, status: DataStatus?
        static func < (lhs: Content, rhs: Content) -> Bool { (lhs.year, lhs.unit, lhs.indicator) < (rhs.year, rhs.unit, rhs.indicator) }
    }

    static func content(_ result: IngestResult, withProvenance: Bool = true) -> [Content] {
        result.observations.map {
            Content(
                year: $0.year, unit: $0.unitCode, indicator: $0.indicatorID, value: $0.value,
                source: withProvenance ? $0.provenance.source : nil, note: withProvenance ? $0.provenance.note : nil,
                status: withProvenance ? $0.provenance.status : nil)
        }.sorted()
    }

    @Test(arguments: ["openpyxl-long.xlsx", "libreoffice-long.xlsx", "libreoffice-formulas.xlsx"])
    func aLongWorkbookGivesTheCSVFilesValuesSourcesAndStatus(name: String) throws {
        let csv = try Self.read("equivalent-2022.csv")
        let workbook = try Self.read(name)
        #expect(workbook.diagnostics.isEmpty, "\(workbook.diagnostics)")
        #expect(csv.observations.count == 32)
        #expect(Self.content(workbook) == Self.content(csv))
    }

    /// The wide sheet has a two-row header under merged headings and dates in its year column;
    /// the sheet named 2022 has no year column at all.
    @Test(arguments: [nil, "2022"] as [String?])
    func aWideWorkbookGivesTheCSVFilesValues(sheet: String?) throws {
        let workbook = try Self.read("openpyxl-wide.xlsx", sheet: sheet)
        #expect(workbook.diagnostics.isEmpty, "\(workbook.diagnostics)")
        #expect(Self.content(workbook, withProvenance: false) == Self.content(try Self.read("equivalent-2022.csv"), withProvenance: false))
    }

    @Test func provenanceAndMessagesNameTheSheetAndCell() throws {
        let result = try Self.read("openpyxl-long.xlsx")
        let first = try #require(result.observations.first)
        #expect(first.provenance.sheet == "Dữ liệu")
        #expect(first.provenance.location.description == "openpyxl-long.xlsx:'Dữ liệu'!D3")
        // Each province is written once, merged down its rows: every row still has its unit.
        #expect(Set(result.observations.map(\.unitCode)) == ["01", "27", "24", "26"])
    }

    @Test func aFormulaWithoutASavedResultIsAnErrorAtItsCell() throws {
        let result = try Self.read("formula-without-value.xlsx")
        #expect(
            result.diagnostics.map(\.description) == [
                "formula-without-value.xlsx:Data!D2: error: the cell holds the formula =0.5+0.0789 but no saved result, and dti does not calculate formulas; open the workbook in Excel or LibreOffice and save it, so the result is stored; or paste the values"
            ])
    }

    @Test func aMissingSheetNamesTheSheetsThereAre() throws {
        let result = try Self.read("openpyxl-wide.xlsx", sheet: "2023")
        #expect(
            result.diagnostics.map(\.description) == [
                "openpyxl-wide.xlsx: error: the workbook has no sheet named '2023'; its sheets are 'Dữ liệu rộng', '2022'"
            ])
    }

    /// Cells a workbook made here holds: a value out of range, a value right of the header, a
    /// yes/no typed as a boolean, and a text number with a decimal comma among typed numbers.
    @Test func valuesInAWorkbookAreCheckedLikeCSVValuesAndLocatedByCell() throws {
        let sheet = Worksheet(
            name: "Số liệu",
            rows: [
                [.heading("province"), .heading("year"), .heading("indicator"), .heading("value")],
                [.text("Hà Nội"), .number(2022, .integer), .text("awareness"), .number(97, .general)],
                [.text("Hà Nội"), .number(2022, .integer), .text("institutions"), .text("0,61"), .text("stray")],
                [.text("Hà Nội"), .number(2022, .integer), .text("infrastructure"), .number(0.8253, .fourDecimals)],
            ], frozenRows: 1)
        let bytes = try WorkbookWriter.bytes([sheet])
        let result = DataFileReader.read(bytes, file: "in.xlsx", context: try RepositoryData.context())
        #expect(
            result.diagnostics.map(\.description) == [
                "in.xlsx:'Số liệu'!D2: error: value 97 for awareness is outside [0, 1]; give the share of maximum points: 97% if it is a percentage, or points ÷ 100 if it is points",
                "in.xlsx:'Số liệu'!E3: error: 'stray' is to the right of the last named column (D); name its column in the header row, or delete it",
            ])
        #expect(result.observations.map(\.value) == [0.61, 0.8253])
    }

    @Test func aDateInTheYearColumnGivesItsYearAndAYearFormattedAsADateStaysTheYear() {
        let sheet = Sheet(
            name: "S",
            cells: [
                Cell(CellReference(row: 1, column: 1), .text("year")),
                Cell(CellReference(row: 2, column: 1), .date(SerialDate(serial: 44926, uses1904: false))),
                Cell(CellReference(row: 3, column: 1), .date(SerialDate(serial: 2022, uses1904: false))),
                Cell(CellReference(row: 4, column: 1), .date(SerialDate(serial: 45292, uses1904: false))),
            ])
        let grid = SheetGrid(sheet)
        #expect(grid.sourceCell(row: 2, column: 1, isYearColumn: true).text == "2022")
        #expect(grid.sourceCell(row: 3, column: 1, isYearColumn: true).text == "2022")
        #expect(grid.sourceCell(row: 4, column: 1, isYearColumn: false).text == "2024-01-01")
    }

    /// A merged range over the whole sheet fills only the area in use.
    @Test func aMergeOverTheWholeSheetStaysWithinTheCellsInUse() throws {
        let sheet = Sheet(
            name: "S",
            cells: [Cell(CellReference(row: 1, column: 1), .text("x")), Cell(CellReference(row: 3, column: 2), .number(1))],
            mergedRanges: [try #require(CellRange("A1:XFD1048576"))])
        let grid = SheetGrid(sheet)
        #expect(grid.rowNumbers == [1, 2, 3])
        #expect(grid.columns(ofRow: 2) == [1, 2])
    }
}
