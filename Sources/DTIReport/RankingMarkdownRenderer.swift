import DTICore

/// A ranking as GitHub-flavoured Markdown: heading, notices as a quote, a table, a footer.
public struct RankingMarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The Markdown text, ending with a newline.
    public func render(_ view: RankingView) -> String {
        var lines = ["## \(Self.escape(view.title))", ""]
        for notice in view.result.notices { lines += ["> **\(Self.escape(notice.message))**", ""] }
        let entries = view.valueEntries
        var headers = ["Rank", "Code", "Province"] + entries.map(view.header(for:))
        if view.hasMergedRows { headers.append("Formed from") }
        headers.append("Flags")
        lines.append("| " + headers.joined(separator: " | ") + " |")
        lines.append("|" + headers.indices.map { $0 < 3 || $0 >= 3 + entries.count ? " --- |" : " ---: |" }.joined())
        for row in view.rows {
            var cells = [row.ranks[view.entry.id].map(String.init) ?? "–", row.unit.code, Self.escape(row.unit.name)]
            for entry in entries {
                let value = row.values[entry.id].map { PublishedPrecision.format($0) } ?? "–"
                let rank = entry.id != view.entry.id ? row.ranks[entry.id].map { " (\($0))" } ?? "" : ""
                cells.append(value + rank)
            }
            if view.hasMergedRows { cells.append(Self.escape(row.memberNames?.joined(separator: " + ") ?? "")) }
            cells.append(Self.escape(row.warningFlags.joined(separator: ", ")))
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", Self.escape(view.footer)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for a Markdown table cell: pipes, and characters that start HTML or emphasis.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">": result += "\\\(character)"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
