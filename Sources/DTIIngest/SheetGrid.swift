import DTICore
import XLSX

/// A sheet's cells by position, with merged ranges filled in, and the text each cell reads as.
struct SheetGrid {
    private var values: [CellReference: CellValue] = [:]
    private var columnsByRow: [Int: [Int]] = [:]
    private let merges: [CellRange]
    /// Rows that hold something, in order.
    let rowNumbers: [Int]

    /// The most cells merged ranges may fill: a range over the whole sheet is 17 billion cells.
    static let maxFilledCells = 2_000_000

    init(_ sheet: Sheet) {
        var values: [CellReference: CellValue] = [:]
        var maxRow = 0
        var maxColumn = 0
        for cell in sheet.cells {
            values[cell.reference] = cell.value
            maxRow = max(maxRow, cell.reference.row)
            maxColumn = max(maxColumn, cell.reference.column)
        }
        // Merged cells beyond the used area add nothing, so ranges are clipped to it.
        var budget = Self.maxFilledCells
        var merges: [CellRange] = []
        for range in sheet.mergedRanges {
            guard let value = values[range.first], range.first.row <= maxRow, range.first.column <= maxColumn else { continue }
            let clipped = CellRange(range.first, CellReference(row: min(range.last.row, maxRow), column: min(range.last.column, maxColumn)))
            merges.append(clipped)
            for row in clipped.first.row...clipped.last.row {
                for column in clipped.first.column...clipped.last.column where budget > 0 {
                    let reference = CellReference(row: row, column: column)
                    if reference != clipped.first, values[reference] == nil {
                        values[reference] = value
                        budget -= 1
                    }
                }
            }
        }
        var columnsByRow: [Int: [Int]] = [:]
        for reference in values.keys { columnsByRow[reference.row, default: []].append(reference.column) }
        for key in columnsByRow.keys { columnsByRow[key]?.sort() }
        self.values = values
        self.columnsByRow = columnsByRow
        self.merges = merges
        self.rowNumbers = columnsByRow.keys.sorted()
    }

    /// The columns of `row` that hold something, in order.
    func columns(ofRow row: Int) -> [Int] { columnsByRow[row] ?? [] }

    /// What the cell holds (a merged cell's value included).
    func value(row: Int, column: Int) -> CellValue? { values[CellReference(row: row, column: column)] }

    /// The header: the first row naming a province column, moved down to the last row of a
    /// header cell merged downwards; else the first row that holds anything.
    /// Whether some row names a unit column (`province`, `Tỉnh`, …): a sheet of values, not a cover page.
    var hasUnitHeader: Bool {
        rowNumbers.contains { row in
            columns(ofRow: row).contains { column in
                TabularObservationReader.Column.named(sourceCell(row: row, column: column, isYearColumn: false).text.trimmingWhitespace())
                    == .province
            }
        }
    }

    func headerRow() -> Int? {
        for row in rowNumbers {
            // Only this row's own cells are looked at, so finding the header costs one pass.
            let named = columns(ofRow: row).first { column in
                let text = sourceCell(row: row, column: column, isYearColumn: false).text.trimmingWhitespace()
                return TabularObservationReader.Column.named(text) == .province
            }
            guard let column = named else { continue }
            let cell = CellReference(row: row, column: column)
            return merges.filter { $0.contains(cell) }.map(\.last.row).max() ?? row
        }
        return rowNumbers.first
    }

    /// The text of every cell of `row` up to its last filled column. In the header row a merged
    /// range spreads only downwards: the cells to the right of its first column are empty.
    func texts(ofRow row: Int) -> [String] {
        guard let last = columns(ofRow: row).last else { return [] }
        return (1...last).map { column in
            let reference = CellReference(row: row, column: column)
            if merges.contains(where: { $0.contains(reference) && $0.first.column != column }) { return "" }
            return sourceCell(row: row, column: column, isYearColumn: false).text
        }
    }

    /// The cell as the data reader sees it: text as written, a number with its exact value, a
    /// date as its year in the year column (or the number typed, when a year was formatted as a
    /// date) and as `2024-03-05` elsewhere, `TRUE`/`FALSE`, an error as `#N/A`.
    func sourceCell(row: Int, column: Int, isYearColumn: Bool) -> SourceCell {
        switch value(row: row, column: column) {
        case nil, .formulaWithoutValue?:
            return SourceCell("", line: row, column: column)
        case let .text(text)?:
            return SourceCell(text, line: row, column: column)
        case let .number(number)?:
            return SourceCell(NumberText.exact(number), line: row, column: column, number: number)
        case let .date(date)?:
            guard isYearColumn else { return SourceCell(date.isoText, line: row, column: column) }
            if date.serial == date.serial.rounded(), (1900...2200).contains(date.serial) {
                return SourceCell(NumberText.exact(date.serial), line: row, column: column)
            }
            return SourceCell(String(date.year), line: row, column: column)
        case let .boolean(flag)?:
            return SourceCell(flag ? "TRUE" : "FALSE", line: row, column: column)
        case let .error(code)?:
            return SourceCell(code, line: row, column: column)
        }
    }

}
