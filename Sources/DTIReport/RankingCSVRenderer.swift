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
    ///
    /// Written into one byte buffer, with each entry's column resolved once: a ranking of 10,000
    /// units is 280,000 cells.
    public func render(_ view: RankingView) -> String {
        let catalogue = view.result.catalogue
        let table = view.result.table
        let valueEntries = [catalogue.index] + catalogue.pillars + catalogue.indicators
        let valueColumns = valueEntries.map { table.column(of: $0.id) }
        let rankColumns = valueEntries.map { table.rankColumn(of: $0.id) }
        let orderColumn = table.rankColumn(of: view.entry.id)
        let notices = Self.quote(view.result.notices.map(\.code).joined(separator: ";"))
        let header = ["rank", "code", "name"] + valueEntries.map(\.id) + valueEntries.map { "rank_\($0.id)" } + ["flags", "status", "notices"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity((view.rows.count + 1) * (valueEntries.count * 24 + 64))
        bytes.append(contentsOf: header.map(Self.quote).joined(separator: ",").utf8)
        bytes.append(0x0A)
        for row in view.rows {
            let index = row.index
            if let orderColumn, let rank = table.rank(index, orderColumn) { bytes.append(contentsOf: String(rank).utf8) }
            bytes.append(0x2C)
            bytes.append(contentsOf: Self.quote(row.unit.code).utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: Self.quote(row.unit.name).utf8)
            for column in valueColumns {
                bytes.append(0x2C)
                if let column, let value = table.value(index, column) { bytes.append(contentsOf: String(value).utf8) }
            }
            for column in rankColumns {
                bytes.append(0x2C)
                if let column, let rank = table.rank(index, column) { bytes.append(contentsOf: String(rank).utf8) }
            }
            bytes.append(0x2C)
            bytes.append(contentsOf: Self.quote(row.flags.map(\.shortForm).joined(separator: ";")).utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: Self.quote(row.status?.rawValue ?? "").utf8)
            bytes.append(0x2C)
            bytes.append(contentsOf: notices.utf8)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
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
