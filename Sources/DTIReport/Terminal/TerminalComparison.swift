import DTICore

/// `dti compare` in the terminal: entries down, units across, the best of each row starred.
public enum TerminalComparison {
    public static func render(_ result: EditionResult, rows: [ResultRow], style: TerminalStyle) -> String {
        let catalogue = result.catalogue
        let entries = [catalogue.index] + catalogue.pillars + catalogue.indicators.filter { $0.points > 0 }
        var table = TextTable(headers: ["Entry"] + rows.map(\.unit.name), alignments: [.left] + rows.map { _ in .right })
        for entry in entries {
            let keys = rows.map { $0.values[entry.id].map(PublishedPrecision.key) }
            let best = keys.compactMap { $0 }.max()
            table.rows.append(
                [entry.nameEN]
                    + zip(rows, keys).map { row, key in
                        let text = row.values[entry.id].map { PublishedPrecision.format($0) } ?? "–"
                        let rank = row.ranks[entry.id].map { " (\($0))" } ?? ""
                        return key == best && best != nil ? "★ " + text + rank : text + rank
                    })
        }
        var lines = ["DTI \(result.edition.year) · \(result.unitSet.label) · framework \(catalogue.framework)"]
        lines += result.notices.map { "! " + $0.message }
        lines.append("")
        lines.append(table.render())
        lines.append("")
        for row in rows {
            let width = rows.map(\.unit.name.count).max() ?? 0
            let name = row.unit.name + String(repeating: " ", count: width - row.unit.name.count)
            lines.append(
                "\(name)  \(style.bold(TerminalStyle.bar(row.values[catalogue.index.id], width: 30))) \(row.values[catalogue.index.id].map { PublishedPrecision.format($0) } ?? "–")"
            )
        }
        lines.append("")
        lines.append("Values to 4 decimals, national ranks in brackets; ★ marks the best of each row.")
        return lines.joined(separator: "\n") + "\n"
    }
}
