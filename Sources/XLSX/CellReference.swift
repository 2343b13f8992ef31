/// A cell's place in a sheet, as spreadsheets name it: column letters and a row number (`C12`).
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based row.
    public var row: Int
    /// 1-based column (A = 1).
    public var column: Int

    /// Creates a reference.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `C12` (a `$` before either part is allowed, as in `$C$12`); `nil` when it is not a
    /// cell reference inside the largest sheet a spreadsheet program makes.
    public init?(_ text: some StringProtocol) {
        var letters = 0
        var digits = 0
        var column = 0
        var row = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z" where digits == 0:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
            case "a"..."z" where digits == 0:
                column = column * 26 + Int(scalar.value - 96)
                letters += 1
            case "0"..."9":
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maxRow, column <= Self.maxColumn else { return nil }
        self.row = row
        self.column = column
    }

    /// The largest row of a sheet (Excel's limit since 2007).
    public static let maxRow = 1_048_576
    /// The largest column of a sheet (XFD).
    public static let maxColumn = 16_384

    /// `A`, `B`, …, `Z`, `AA`, … for a 1-based column.
    public static func letters(ofColumn column: Int) -> String {
        var number = column
        var scalars: [Unicode.Scalar] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + remainder)))
            number = (number - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// `C12`.
    public var description: String { Self.letters(ofColumn: column) + String(row) }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangle of cells, such as a merged range `A1:C1`.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    /// Top-left cell.
    public var first: CellReference
    /// Bottom-right cell.
    public var last: CellReference

    /// Creates a range; the corners are put in order.
    public init(_ first: CellReference, _ last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C3` or a single cell `B2`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let first = CellReference(parts[0]),
            let last = parts.count == 2 ? CellReference(parts[1]) : first
        else { return nil }
        self.init(first, last)
    }

    /// Whether `reference` lies inside.
    public func contains(_ reference: CellReference) -> Bool {
        (first.row...last.row).contains(reference.row) && (first.column...last.column).contains(reference.column)
    }

    /// `A1:C3`, or `A1` for one cell.
    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
