import DTICore

/// `dti compare` in the terminal: entries down, units across, the best of each row starred.
public enum TerminalComparison {
    public static func render(_ result: EditionResult, rows: [ResultRow], style: TerminalStyle, language: ReportLanguage = .en) -> String {
        let words = language.terminal
        let catalogue = result.catalogue
        let entries = [catalogue.index] + catalogue.pillars + catalogue.indicators.filter { $0.points > 0 }
        var table = TextTable(headers: [words.entry] + rows.map(\.unit.name), alignments: [.left] + rows.map { _ in .right })
        for entry in entries {
            let keys = rows.map { $0.values[entry.id].map(PublishedPrecision.key) }
            let best = keys.compactMap { $0 }.max()
            table.rows.append(
                [language.name(of: entry)]
                    + zip(rows, keys).map { row, key in
                        let text = language.value(of: row, entry.id)
                        let rank = row.ranks[entry.id].map { " (\($0))" } ?? ""
                        return key == best && best != nil && !row.isMissing(entry.id) ? "★ " + text + rank : text + rank
                    })
        }
        let unitSet = language.label(of: result.unitSet)
        var lines = ["DTI \(result.edition.year) · \(unitSet) · \(words.framework) \(catalogue.framework)"]
        lines += result.notices.map { "! " + language.terminalText(of: $0) }
        lines.append("")
        lines.append(table.render())
        lines.append("")
        for row in rows {
            let width = rows.map(\.unit.name.count).max() ?? 0
            let name = row.unit.name + String(repeating: " ", count: width - row.unit.name.count)
            let index = catalogue.index.id
            lines.append("\(name)  \(style.bold(TerminalStyle.bar(row.values[index], width: 30))) \(language.number(row.values[index]))")
        }
        lines.append("")
        lines.append(words.comparisonNote(rankedAmong(result).text(language)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whom the ranks are among: the units ranked, named as the set's ("the 99 communes and
    /// wards of Bắc Ninh", "the 63 provinces").
    static func rankedAmong(_ result: EditionResult) -> Wording {
        result.unitSet.countedUnits(result.rows.filter(\.isRanked).count)
    }
}
