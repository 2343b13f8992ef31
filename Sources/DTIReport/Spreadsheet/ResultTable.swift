import DTICore

/// A table for a spreadsheet, with typed cells so that numbers stay numbers: what `--format
/// xlsx` writes, one sheet per table. Kept free of any file format; the executable turns it into
/// a workbook.
public struct ResultTable: Sendable, Hashable {
    /// One cell.
    public enum Cell: Sendable, Hashable {
        /// Text as it is (names keep their Vietnamese letters).
        case text(String)
        /// A score at full precision, shown with 4 decimals as published.
        case score(Double)
        /// A rank, a year or a count.
        case integer(Int)
        /// Nothing (a missing value; its reason is in the flags column).
        case empty
    }

    /// The sheet's name.
    public var name: String
    /// Lines shown above the header: notices that must be seen (sample data, provisional framework).
    public var preamble: [String]
    /// The column titles.
    public var header: [String]
    /// The rows, each as wide as the header.
    public var rows: [[Cell]]
    /// Column widths in characters.
    public var columnWidths: [Double]

    /// Creates a table.
    public init(name: String, preamble: [String] = [], header: [String], rows: [[Cell]], columnWidths: [Double] = []) {
        self.name = name
        self.preamble = preamble
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
    }
}
