import DTICore

/// A ranking as CSV at full precision: one row per unit, values, ranks, flags and status.
///
/// The header is the first line, so any CSV reader (pandas, `csv.DictReader`, a spreadsheet) takes
/// the file with no options. The notices (sample data, provisional framework) are not lost: every
/// row's last column, `notices`, holds their codes (`synthetic-data;provisional-framework`), and
/// the command prints their sentences on standard error.
public struct RankingCSVRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The CSV text, ending with a newline.
    public func render(_ view: RankingView) -> String {
        let catalogue = view.result.catalogue
        let valueEntries = [catalogue.index] + catalogue.pillars + catalogue.indicators
        let notices = view.result.notices.map(\.code).joined(separator: ";")
        let header = ["rank", "code", "name"] + valueEntries.map(\.id) + valueEntries.map { "rank_\($0.id)" } + ["flags", "status", "notices"]
        var lines = [header.joined(separator: ",")]
        for row in view.rows {
            var cells = [row.ranks[view.entry.id].map(String.init) ?? "", row.unit.code, row.unit.name]
            cells += valueEntries.map { row.values[$0.id].map { String($0) } ?? "" }
            cells += valueEntries.map { row.ranks[$0.id].map(String.init) ?? "" }
            cells.append(row.flags.map(\.shortForm).joined(separator: ";"))
            cells.append(row.status?.rawValue ?? "")
            cells.append(notices)
            lines.append(cells.map(Self.quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a cell when it holds a delimiter, quote or line break (RFC 4180), after neutralising
    /// text a spreadsheet would run as a formula (every CSV dti writes goes through here).
    static func quote(_ text: String) -> String {
        let cell = FormulaNeutralising.neutralised(text)
        // Bytes, not characters: quicker, and a CR LF pair (one character) is found too.
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
