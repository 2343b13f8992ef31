import DTICore

/// `dti show` in the terminal: the unit's figures against the national mean, and the points it
/// left on the table.
public enum TerminalProfile {
    /// `movement` is a one-line "why it moved" (`ExplainView.summary`), shown under the DTI.
    public static func render(
        _ result: EditionResult, row: ResultRow, style: TerminalStyle, movement: String? = nil, language: ReportLanguage = .en
    ) -> String {
        let words = language.terminal
        let catalogue = result.catalogue
        let ranked = result.rows.filter(\.isRanked)
        // One definition of a mean (`UnitMean`): over the units with a value, their count said when some lack it.
        func mean(_ id: String) -> String {
            guard let mean = UnitMean(of: id, in: ranked) else { return language.number(nil) }
            return language.number(mean.value) + (mean.isComplete ? "" : " (\(mean.units)/\(mean.ranked))")
        }
        let unitSet = language.label(of: result.unitSet)
        var lines = ["\(style.bold(row.unit.name)) (\(row.unit.code)) · DTI \(result.edition.year) · \(unitSet)"]
        lines += result.notices.map { "! " + language.terminalText(of: $0) }
        lines.append("")
        let index = catalogue.index.id
        lines.append("DTI \(language.number(row.values[index]))   \(words.rankOf(row.ranks[index].map(String.init) ?? "–", ranked.count))")
        if let movement { lines.append(movement) }
        lines.append("")
        var table = TextTable(
            headers: [words.entry, words.value, words.rank, words.mean, ""], alignments: [.left, .right, .right, .right, .left])
        for entry in catalogue.pillars + catalogue.indicators.filter({ $0.points > 0 }) {
            table.rows.append([
                language.name(of: entry), language.value(of: row, entry.id), row.ranks[entry.id].map(String.init) ?? "–",
                mean(entry.id), row.isMissing(entry.id) ? "" : TerminalStyle.bar(row.values[entry.id]),
            ])
        }
        lines.append(table.render())
        lines.append(words.meanRule)
        let left = result.pointsLeft(for: row)
        if !left.isEmpty {
            lines.append("")
            lines.append(words.pointsLeft)
            var leftTable = TextTable(
                headers: [words.indicator, words.max, words.earned, words.left], alignments: [.left, .right, .right, .right])
            for item in left {
                let points = language.points
                leftTable.rows.append([language.name(of: item.indicator), points(item.indicator.points), points(item.earned), points(item.left)])
            }
            lines.append(leftTable.render())
        }
        for flag in row.flags where flag.isShownWithTheRow {
            lines.append((flag.isWarning ? "⚠ " : "ℹ ") + language.message(of: flag, catalogue: catalogue))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
