/// What a cell holds, typed as the workbook stores it.
public enum CellValue: Sendable, Hashable {
    /// Text: a shared string, an inline string or a formula's text result.
    case text(String)
    /// A number, exactly as stored (no display rounding).
    case number(Double)
    /// A number whose format shows it as a date (dates are day counts in a workbook).
    case date(SerialDate)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// An error value such as `#N/A` or `#DIV/0!`.
    case error(String)
    /// A formula the workbook holds no result for (written by a program that does not calculate,
    /// and never opened and saved in one that does).
    case formulaWithoutValue(formula: String)
}

/// One cell that holds something.
public struct Cell: Sendable, Hashable {
    /// Where it is.
    public var reference: CellReference
    /// What it holds.
    public var value: CellValue

    /// Creates a cell.
    public init(_ reference: CellReference, _ value: CellValue) {
        self.reference = reference
        self.value = value
    }
}

/// A cell of a sheet that cannot be read as it is written, and why (one sentence with its fix).
public struct CellProblem: Sendable, Hashable {
    /// Where: the cell, or for a reference that names no cell, the place it stands in its row.
    public var reference: CellReference
    /// What is wrong, as the diagnostic key `workbook.<kind>`.
    public var kind: String
    public var message: String
    public var hint: String

    public init(reference: CellReference, kind: String, message: String, hint: String) {
        self.reference = reference
        self.kind = kind
        self.message = message
        self.hint = hint
    }
}

/// One sheet as read: its non-empty cells in row order, and its merged ranges.
public struct Sheet: Sendable {
    /// The sheet's name as its tab shows it.
    public var name: String
    /// The cells that hold something, by row then column.
    public var cells: [Cell]
    /// Merged ranges (`A1:C1`); the value sits in the top-left cell.
    public var mergedRanges: [CellRange]
    /// Cells the sheet's XML gives in a way no spreadsheet program writes (a reference given twice,
    /// or one beyond the last column): the reader of the data reports each at its cell.
    public var problems: [CellProblem]

    /// Creates a sheet.
    public init(name: String, cells: [Cell], mergedRanges: [CellRange] = [], problems: [CellProblem] = []) {
        self.name = name
        self.cells = cells
        self.mergedRanges = mergedRanges
        self.problems = problems
    }

    /// The cells grouped by row, rows in order (empty rows are absent).
    public var rows: [(row: Int, cells: [Cell])] {
        var result: [(row: Int, cells: [Cell])] = []
        for cell in cells {
            if let last = result.last, last.row == cell.reference.row {
                result[result.count - 1].cells.append(cell)
            } else {
                result.append((cell.reference.row, [cell]))
            }
        }
        return result
    }
}
