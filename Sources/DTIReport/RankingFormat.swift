import DTICore

/// The ways `dti rank` can print a ranking.
public enum RankingFormat: String, Sendable, CaseIterable {
    /// Aligned columns for the terminal.
    case table
    /// Comma-separated values at full precision, for spreadsheets.
    case csv
    /// One JSON object at full precision (documented in Documentation/DataFormats.md).
    case json
    /// A GitHub-flavoured Markdown table.
    case markdown

    /// Renders `view` in this format; `language` applies to the table and Markdown (CSV and JSON
    /// are for scripts: English keys and `.` as the decimal mark whatever the language). CSV rows
    /// are written on `threads` threads; the text is the same for any number.
    public func render(_ view: RankingView, language: ReportLanguage = .en, width: Int? = nil, threads: Int = 1) -> String {
        switch self {
        case .table: RankingTableRenderer(language: language, width: width).render(view)
        case .csv: RankingCSVRenderer(threads: threads).render(view)
        case .json: RankingJSONRenderer().render(view)
        case .markdown: RankingMarkdownRenderer(language: language).render(view)
        }
    }
}
