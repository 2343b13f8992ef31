import DTICore

/// The terminal table of `dti rank`: title, notices, aligned rows with values to 4 decimals and
/// ranks, flags, and a footer.
public struct RankingTableRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The table text, ending with a newline.
    public func render(_ view: RankingView) -> String {
        var lines = [view.title]
        lines += view.result.notices.map { "! \($0.message)" }
        lines.append("")

        let entries = view.valueEntries
        var headers = ["Rank", "Code", "Province"]
        var alignments: [TextTable.Alignment] = [.right, .left, .left]
        for entry in entries {
            headers.append(view.header(for: entry))
            alignments.append(.right)
        }
        if view.hasMergedRows {
            headers.append("Formed from")
            alignments.append(.left)
        }
        headers.append("Flags")
        alignments.append(.left)

        var table = TextTable(headers: headers, alignments: alignments)
        for row in view.rows {
            var cells = [row.ranks[view.entry.id].map(String.init) ?? "–", row.unit.code, row.unit.name]
            for entry in entries {
                guard let value = row.values[entry.id] else {
                    cells.append("–")
                    continue
                }
                let rank = row.ranks[entry.id].map { " (\($0))" } ?? ""
                // The ranked-by column already has its rank in the first column.
                cells.append(PublishedPrecision.format(value) + (entry.id == view.entry.id ? "" : rank))
            }
            if view.hasMergedRows { cells.append(row.memberNames?.joined(separator: " + ") ?? "") }
            cells.append(row.warningFlags.joined(separator: ", "))
            table.rows.append(cells)
        }
        lines.append(table.render())
        lines.append("")
        lines.append(view.footer + " Values to 4 decimals; pillar ranks in brackets; equal values at 4 decimals share a rank.")
        return lines.joined(separator: "\n") + "\n"
    }
}
