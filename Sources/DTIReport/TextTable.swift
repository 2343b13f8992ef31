/// Aligns rows of cells into columns for the terminal, measuring width in characters so that
/// Vietnamese names in NFC or NFD line up alike.
public struct TextTable: Sendable {
    /// How a column is aligned.
    public enum Alignment: Sendable { case left, right }

    /// Column titles.
    public var headers: [String]
    /// Alignment per column.
    public var alignments: [Alignment]
    /// The cells, one array per row.
    public var rows: [[String]] = []

    /// Creates an empty table.
    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// The table as lines joined by newlines, columns separated by two spaces, no trailing spaces.
    public func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, width) in widths.enumerated() {
                let cell = cells.indices.contains(column) ? cells[column] : ""
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                parts.append(alignments[column] == .right ? padding + cell : cell + padding)
            }
            return String(parts.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
