import DTICore

/// What `explain`, `whatif` and `target` print, independent of the format: a title, notices that
/// must be shown, lines of text and tables. One renderer per format draws it, so the terminal,
/// Markdown and CSV outputs cannot disagree.
public struct AnalysisDocument: Sendable {
    /// A table: header, rows of display text, and which columns are numbers (right-aligned).
    public struct Table: Sendable {
        public var header: [String]
        public var rows: [[String]]
        public var numericColumns: Set<Int>

        public init(header: [String], rows: [[String]], numericColumns: Set<Int>) {
            self.header = header
            self.rows = rows
            self.numericColumns = numericColumns
        }
    }

    /// A part of the document.
    public enum Block: Sendable {
        case line(String)
        case table(Table)
    }

    public var title: String
    public var notices: [String]
    /// The notices' stable codes, for the `notices` column of the CSV export.
    public var noticeCodes: [String]
    public var blocks: [Block]
    /// The table a CSV export carries (the main one).
    public var mainTable: Table?

    public init(title: String, notices: [String], noticeCodes: [String] = [], blocks: [Block], mainTable: Table?) {
        self.title = title
        self.notices = notices
        self.noticeCodes = noticeCodes
        self.blocks = blocks
        self.mainTable = mainTable
    }

    /// The document for a terminal: aligned tables, notices marked with `!`; prose and notices
    /// wrapped to `width` when it is given (a terminal's), never the tables.
    public func terminal(width: Int? = nil) -> String {
        var lines = [title] + notices.map { TextWrapping.wrapLines("! \($0)", width: width) }
        for block in blocks {
            switch block {
            case let .line(text): lines.append(TextWrapping.wrapLines(text, width: width))
            case let .table(table):
                var text = TextTable(
                    headers: table.header, alignments: table.header.indices.map { table.numericColumns.contains($0) ? .right : .left })
                text.rows = table.rows
                lines += ["", text.render(), ""]
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The document as GitHub Markdown.
    public func markdown() -> String {
        var lines = ["## \(RankingMarkdownRenderer.escape(title))", ""]
        for notice in notices { lines += ["> **\(RankingMarkdownRenderer.escape(notice))**", ""] }
        for block in blocks {
            switch block {
            case let .line(text): lines += [RankingMarkdownRenderer.escape(text), ""]
            case let .table(table):
                lines.append("| " + table.header.map(RankingMarkdownRenderer.escape).joined(separator: " | ") + " |")
                lines.append("|" + table.header.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
                for row in table.rows { lines.append("| " + row.map(RankingMarkdownRenderer.escape).joined(separator: " | ") + " |") }
                lines.append("")
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The main table as CSV, its header the first line (any CSV reader takes it with no options),
    /// with the notices' codes in a last `notices` column of every row; the title and the notices'
    /// sentences are `csvPreamble`, for standard error.
    public func csv() -> String {
        guard let table = mainTable else { return "" }
        let notices = noticeCodes.joined(separator: ";")
        var lines = [(table.header + ["notices"]).map(RankingCSVRenderer.quote).joined(separator: ",")]
        for row in table.rows { lines.append((row + [notices]).map(RankingCSVRenderer.quote).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a CSV export says beside the file: the title and every notice, a line each.
    public var csvPreamble: [String] { [title] + notices }
}
