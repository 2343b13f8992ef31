import DTICore

/// How terminal output is decorated: colour only when the caller says the output is a terminal
/// and `NO_COLOR` is not set (decided by the command line, not here).
public struct TerminalStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Bold text, when colour is on.
    public func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    /// Dim text, when colour is on.
    public func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// A bar of eighth-block glyphs, `width` cells long at 1.0: `████▋`.
    public static func bar(_ value: Double?, width: Int = 20) -> String {
        guard let value else { return "" }
        let eighths = Int((min(max(value, 0), 1) * Double(width * 8)).rounded())
        let glyphs = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + glyphs[eighths % 8]
    }
}

/// `dti compare` in the terminal: entries down, units across, the best of each row starred.
public enum TerminalComparison {
    public static func render(_ result: EditionResult, rows: [ResultRow], style: TerminalStyle) -> String {
        let catalogue = result.catalogue
        let entries = [catalogue.index] + catalogue.pillars + catalogue.indicators.filter { $0.points > 0 }
        var table = TextTable(headers: ["Entry"] + rows.map(\.unit.name), alignments: [.left] + rows.map { _ in .right })
        for entry in entries {
            let keys = rows.map { $0.values[entry.id].map(PublishedPrecision.key) }
            let best = keys.compactMap { $0 }.max()
            table.rows.append([entry.nameEN] + zip(rows, keys).map { row, key in
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
            let name = row.unit.name.padding(to: rows.map(\.unit.name.count).max() ?? 0)
            lines.append("\(name)  \(style.bold(TerminalStyle.bar(row.values[catalogue.index.id], width: 30))) \(row.values[catalogue.index.id].map { PublishedPrecision.format($0) } ?? "–")")
        }
        lines.append("")
        lines.append("Values to 4 decimals, national ranks in brackets; ★ marks the best of each row.")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `dti show` in the terminal: the unit's figures against the national mean, and the points it
/// left on the table.
public enum TerminalProfile {
    public static func render(_ result: EditionResult, row: ResultRow, style: TerminalStyle) -> String {
        let catalogue = result.catalogue
        let ranked = result.rows.filter(\.isRanked)
        func mean(_ id: String) -> Double? { Distribution(ranked.compactMap { $0.values[id] })?.mean }
        var lines = ["\(style.bold(row.unit.name)) (\(row.unit.code)) · DTI \(result.edition.year) · \(result.unitSet.label)"]
        lines += result.notices.map { "! " + $0.message }
        lines.append("")
        let index = catalogue.index.id
        lines.append("DTI \(row.values[index].map { PublishedPrecision.format($0) } ?? "–")   rank \(row.ranks[index].map(String.init) ?? "–") of \(ranked.count)")
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
                leftTable.rows.append([item.indicator.nameEN, points(item.indicator.points), points(item.earned), points(item.left)])
            }
            lines.append(leftTable.render())
        }
        for flag in row.flags where flag.isWarning { lines.append("⚠ " + flag.message) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func points(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
