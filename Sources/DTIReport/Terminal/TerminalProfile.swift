import DTICore

/// `dti show` in the terminal: the unit's figures against the national mean, and the points it
/// left on the table.
public enum TerminalProfile {
    /// `movement` is a one-line "why it moved" (`ExplainView.summary`), shown under the DTI.
    public static func render(_ result: EditionResult, row: ResultRow, style: TerminalStyle, movement: String? = nil) -> String {
        let catalogue = result.catalogue
        let ranked = result.rows.filter(\.isRanked)
        func mean(_ id: String) -> Double? { Distribution(ranked.compactMap { $0.values[id] })?.mean }
        var lines = ["\(style.bold(row.unit.name)) (\(row.unit.code)) · DTI \(result.edition.year) · \(result.unitSet.label)"]
        lines += result.notices.map { "! " + $0.message }
        lines.append("")
        let index = catalogue.index.id
        lines.append(
            "DTI \(row.values[index].map { PublishedPrecision.format($0) } ?? "–")   rank \(row.ranks[index].map(String.init) ?? "–") of \(ranked.count)"
        )
        if let movement { lines.append(movement) }
        lines.append("")
        var table = TextTable(headers: ["Entry", "Value", "Rank", "Mean", ""], alignments: [.left, .right, .right, .right, .left])
        for entry in catalogue.pillars + catalogue.indicators.filter({ $0.points > 0 }) {
            table.rows.append([
                entry.nameEN, row.values[entry.id].map { PublishedPrecision.format($0) } ?? "–", row.ranks[entry.id].map(String.init) ?? "–",
                mean(entry.id).map { PublishedPrecision.format($0) } ?? "–", TerminalStyle.bar(row.values[entry.id]),
            ])
        }
        lines.append(table.render())
        let left = result.pointsLeft(for: row)
        if !left.isEmpty {
            lines.append("")
            lines.append("Points left on the table (max − earned), largest first:")
            var leftTable = TextTable(headers: ["Indicator", "Max", "Earned", "Left"], alignments: [.left, .right, .right, .right])
            for item in left {
                let points = ReportLanguage.en.points
                leftTable.rows.append([item.indicator.nameEN, points(item.indicator.points), points(item.earned), points(item.left)])
            }
            lines.append(leftTable.render())
        }
        for flag in row.flags where flag.isWarning { lines.append("⚠ " + flag.message) }
        return lines.joined(separator: "\n") + "\n"
    }
}
