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
                lines.append("![\(RankingMarkdownRenderer.escape(caption))](\(linkTarget(path)))")
            case .beside: break
            case let .sandbox(sandbox):
                // A sandbox needs a script: the HTML page has it.
                lines.append("## " + RankingMarkdownRenderer.escape(sandbox.title))
                lines.append("")
                lines.append(RankingMarkdownRenderer.escape(sandbox.markdownNote))
            case let .links(links):
                lines += links.map { "- [\(RankingMarkdownRenderer.escape($0.text))](\(linkTarget($0.page + ".md")))" }
            case let .table(table):
                lines.append("| " + table.header.map(RankingMarkdownRenderer.escape).joined(separator: " | ") + " |")
                lines.append("|" + table.header.indices.map { table.numericColumns.contains($0) ? "---:|" : "---|" }.joined())
                for row in table.rows {
                    let cells = row.map { cell -> String in
                        var text = RankingMarkdownRenderer.escape(cell.text)
                        if let page = cell.page { text = "[\(text)](\(linkTarget(page + ".md")))" }
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

    /// A relative link target as Markdown reads it whole: every byte but letters, digits and
    /// `._~/-` percent-encoded, so no `)`, space or `![` in a name can end the link or start another.
    static func linkTarget(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "-"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
