import DTICore

/// A ranking as GitHub-flavoured Markdown: heading, notices as a quote, a table, a footer.
public struct RankingMarkdownRenderer: Sendable {
    let language: ReportLanguage

    /// Creates a renderer in `language`.
    public init(language: ReportLanguage = .en) { self.language = language }

    /// The Markdown text, ending with a newline.
    public func render(_ view: RankingView) -> String {
        let words = language.terminal
        var lines = ["## \(Self.escape(view.title(in: language)))", ""]
        for notice in view.result.notices { lines += ["> **\(Self.escape(language.terminalText(of: notice)))**", ""] }
        let entries = view.valueEntries
        var headers = [words.rank, words.code, language.unitHeading(for: view.result.unitSet)] + entries.map { view.header(for: $0, in: language) }
        // Asked once: it looks through every row.
        let hasMergedRows = view.hasMergedRows
        if hasMergedRows { headers.append(words.formedFrom) }
        headers.append(words.flags)
        lines.append("| " + headers.joined(separator: " | ") + " |")
        lines.append("|" + headers.indices.map { $0 < 3 || $0 >= 3 + entries.count ? " --- |" : " ---: |" }.joined())
        for row in view.rows {
            var cells = [row.ranks[view.entry.id].map(String.init) ?? "–", row.unit.code, Self.escape(row.unit.name)]
            for entry in entries {
                let value = row.values[entry.id] == nil ? "–" : language.value(of: row, entry.id)
                let rank = entry.id != view.entry.id ? row.ranks[entry.id].map { " (\($0))" } ?? "" : ""
                cells.append(value + rank)
            }
            if hasMergedRows { cells.append(Self.escape(row.memberNames?.joined(separator: " + ") ?? "")) }
            cells.append(Self.escape(row.shownFlags(in: language, catalogue: view.result.catalogue).joined(separator: ", ")))
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", Self.escape(view.footer(in: language))]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for a Markdown table cell: pipes, and characters that start HTML or emphasis.
    static func escape(_ text: String) -> String {
        // Most text (names, numbers) has nothing to escape: found by its bytes, returned as it is.
        guard text.utf8.contains(where: { Self.escapedBytes[Int($0)] }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">": result += "\\\(character)"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// The bytes of the characters `escape` changes (line breaks included).
    private static let escapedBytes: [Bool] = (0..<256).map { byte in Array("|\\*_`[]<>\n\r".utf8).contains(UInt8(byte)) }
}
