import DTICore

/// The terminal table of `dti rank`: title, notices, aligned rows with values to 4 decimals and
/// ranks, flags, and a footer.
public struct RankingTableRenderer: Sendable {
    let language: ReportLanguage
    /// The terminal's width, to wrap notices and the footer to; `nil` leaves lines whole.
    let width: Int?

    /// Creates a renderer; English keeps `0.8002`, Vietnamese writes `0,8002`.
    public init(language: ReportLanguage = .en, width: Int? = nil) {
        self.language = language
        self.width = width
    }

    /// The table text, ending with a newline.
    public func render(_ view: RankingView) -> String {
        let words = language.terminal
        var lines = [TextWrapping.wrapLines(view.title(in: language), width: width)]
        lines += view.result.notices.map { TextWrapping.wrapLines("! \(language.terminalText(of: $0))", width: width) }
        lines.append("")

        let entries = view.valueEntries
        var headers = [words.rank, words.code, language.unitHeading(for: view.result.unitSet)]
        var alignments: [TextTable.Alignment] = [.right, .left, .left]
        for entry in entries {
            headers.append(view.header(for: entry, in: language))
            alignments.append(.right)
        }
        // Asked once: it looks through every row.
        let hasMergedRows = view.hasMergedRows
        if hasMergedRows {
            headers.append(words.formedFrom)
            alignments.append(.left)
        }
        headers.append(words.flags)
        alignments.append(.left)

        var table = TextTable(headers: headers, alignments: alignments)
        for row in view.rows {
            var cells = [row.ranks[view.entry.id].map(String.init) ?? "–", row.unit.code, row.unit.name]
            for entry in entries {
                guard row.values[entry.id] != nil else {
                    cells.append("–")
                    continue
                }
                let rank = row.ranks[entry.id].map { " (\($0))" } ?? ""
                // The ranked-by column already has its rank in the first column.
                cells.append(language.value(of: row, entry.id) + (entry.id == view.entry.id ? "" : rank))
            }
            if hasMergedRows { cells.append(row.memberNames?.joined(separator: " + ") ?? "") }
            cells.append(row.shownFlags(in: language, catalogue: view.result.catalogue).joined(separator: ", "))
            table.rows.append(cells)
        }
        lines.append(table.render())
        lines.append("")
        lines.append(TextWrapping.wrapLines(view.footer(in: language) + " " + words.rankingNote, width: width))
        return lines.joined(separator: "\n") + "\n"
    }
}
