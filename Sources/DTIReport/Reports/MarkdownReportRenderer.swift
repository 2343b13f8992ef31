/// Renders a `ReportDocument` as GitHub-flavoured Markdown, with each chart as an SVG file beside
/// the page (`charts/<page>-<chart>.svg`) and relative links between pages.
public enum MarkdownReportRenderer {
    /// The page and its chart files (path relative to the output folder, contents).
    public static func render(_ document: ReportDocument) -> (page: String, files: [(path: String, contents: String)]) {
        var lines: [String] = []
        var files: [(String, String)] = []
        func flatten(_ blocks: [ReportBlock]) -> [ReportBlock] {
            blocks.flatMap { block -> [ReportBlock] in if case let .beside(inner) = block { flatten(inner) } else { [block] } }
        }
        for block in flatten(document.blocks) {
            switch block {
            case let .heading(text, level):
                lines.append(String(repeating: "#", count: level) + " " + RankingMarkdownRenderer.escape(text))
            case let .paragraph(text):
                lines.append(RankingMarkdownRenderer.escape(text))
            case let .banner(text):
                lines.append("> **" + RankingMarkdownRenderer.escape(text) + "**")
            case let .chart(id, svg, caption):
                let path = "charts/\(document.name)-\(id).svg"
                files.append((path, svg(true).markup + "\n"))
                lines.append("![\(RankingMarkdownRenderer.escape(caption))](\(path))")
            case .beside: break
            case let .links(links):
                lines += links.map { "- [\(RankingMarkdownRenderer.escape($0.text))](\($0.page).md)" }
            case let .table(table):
                lines.append("| " + table.header.map(RankingMarkdownRenderer.escape).joined(separator: " | ") + " |")
                lines.append("|" + table.header.indices.map { table.numericColumns.contains($0) ? "---:|" : "---|" }.joined())
                for row in table.rows {
                    let cells = row.map { cell -> String in
                        var text = RankingMarkdownRenderer.escape(cell.text)
                        if let page = cell.page { text = "[\(text)](\(page).md)" }
                        if cell.isBest { text = "**\(text)** ★" }
                        return text
                    }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
            lines.append("")
        }
        return (lines.joined(separator: "\n"), files)
    }
}
