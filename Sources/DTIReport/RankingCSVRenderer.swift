import DTICore

/// A ranking as CSV at full precision: one row per unit, values, ranks, flags and status.
///
/// The header is the first line, so any CSV reader (pandas, `csv.DictReader`, a spreadsheet) takes
/// the file with no options. The notices (sample data, provisional framework) are not lost: every
/// row's last column, `notices`, holds their codes (`synthetic-data;provisional-framework`), and
/// the command prints their sentences on standard error.
public struct RankingCSVRenderer: Sendable {
    /// How many threads write rows; the text is the same for any number.
    public var threads: Int

    /// Creates a renderer that writes its rows on `threads` threads.
    public init(threads: Int = 1) {
        self.threads = threads
    }

    /// Rows a thread writes at a time: enough that handing them out costs nothing, few enough
    /// that both cores stay busy to the end.
    static let rowsPerShare = 256

    /// The CSV text, ending with a newline.
    ///
    /// Written into byte buffers, with each entry's column resolved once: a ranking of 10,000
    /// units is 280,000 cells. Shares of rows are written on `threads` threads and joined in order.
    public func render(_ view: RankingView) -> String {
        let catalogue = view.result.catalogue
        let table = view.result.table
        let valueEntries = [catalogue.index] + catalogue.pillars + catalogue.indicators
        let valueColumns = valueEntries.map { table.column(of: $0.id) }
        let rankColumns = valueEntries.map { table.rankColumn(of: $0.id) }
        let orderColumn = table.rankColumn(of: view.entry.id)
        let notices = Array(Self.quote(view.result.notices.map(\.code).joined(separator: ";")).utf8)
        let header = ["rank", "code", "name"] + valueEntries.map(\.id) + valueEntries.map { "rank_\($0.id)" } + ["flags", "status", "notices"]
        let rows = view.rows
        let rowBytes = valueEntries.count * 24 + 64
        let shares = ParallelMap.map((rows.count + Self.rowsPerShare - 1) / Self.rowsPerShare, threads: threads) { share in
            let range = share * Self.rowsPerShare..<min(rows.count, (share + 1) * Self.rowsPerShare)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * rowBytes)
            for row in rows[range] {
                let index = row.index
                let unit = row.unit
                if let orderColumn, let rank = table.rank(index, orderColumn) { Self.appendDigits(of: rank, to: &bytes) }
                bytes.append(0x2C)
                Self.append(Self.quote(unit.code), to: &bytes)
                bytes.append(0x2C)
                Self.append(Self.quote(unit.name), to: &bytes)
                for column in valueColumns {
                    bytes.append(0x2C)
                    if let column, let value = table.value(index, column) { Self.append(value.description, to: &bytes) }
                }
                for column in rankColumns {
                    bytes.append(0x2C)
                    if let column, let rank = table.rank(index, column) { Self.appendDigits(of: rank, to: &bytes) }
                }
                bytes.append(0x2C)
                let flags = row.flags
                if !flags.isEmpty { Self.append(Self.quote(flags.map(\.shortForm).joined(separator: ";")), to: &bytes) }
                bytes.append(0x2C)
                if let status = row.status { Self.append(Self.quote(status.rawValue), to: &bytes) }
                bytes.append(0x2C)
                bytes.append(contentsOf: notices)
                bytes.append(0x0A)
            }
            // Made a string here, so checking the bytes' UTF-8 is shared out too.
            return String(decoding: bytes, as: UTF8.self)
        }
        var text = header.map(Self.quote).joined(separator: ",") + "\n"
        text.reserveCapacity(text.utf8.count + shares.reduce(0) { $0 + $1.utf8.count })
        for share in shares { text += share }
        return text
    }

    /// Appends the UTF-8 of `text` in one copy (appending its `utf8` view goes a byte at a time).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `value` in decimal digits, as `String(value)` writes it, without making a string:
    /// a ranking writes 15 ranks a row.
    static func appendDigits(of value: Int, to bytes: inout [UInt8]) {
        guard value != 0 else { return bytes.append(0x30) }
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[23 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
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
