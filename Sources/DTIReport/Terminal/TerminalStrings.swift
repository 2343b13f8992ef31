import DTICore

/// The words of the terminal outputs (`rank` as a table or Markdown, `show`, `compare`) in one
/// language. CSV and JSON keep English keys for scripts; diagnostics stay English.
public struct TerminalStrings: Sendable {
    public let rank: String
    public let code: String
    public let unit: String
    public let formedFrom: String
    public let flags: String
    public let entry: String
    public let value: String
    public let mean: String
    /// How a mean counts missing values, said under every table of means.
    public let meanRule: String
    public let framework: String
    public let decision: String
    public let rankedBy: String
    public let region: String
    public let indicator: String
    public let max: String
    public let earned: String
    public let left: String
    public let pointsLeft: String
    public let rankingNote: String
    /// The comparison's closing note, given whom the ranks are among ("the 99 communes and wards
    /// of Bắc Ninh"): a set's ranks are not national ones.
    public let comparisonNote: @Sendable (_ rankedAmong: String) -> String
    public let explainHint: String
    /// "— missing": a value that was not given (it earned 0 points).
    public let missing: String
    /// "5 of 63 shown; 63 ranked, 2 without data (not ranked)."
    public let footer: @Sendable (_ shown: Int, _ total: Int, _ ranked: Int, _ unranked: Int) -> String
    /// "rank 20 of 63"
    public let rankOf: @Sendable (_ rank: String, _ count: Int) -> String

    public static let english = TerminalStrings(
        rank: "Rank", code: "Code", unit: "Province", formedFrom: "Formed from", flags: "Flags", entry: "Entry", value: "Value",
        mean: "Mean",
        meanRule: "Mean: over the units with a value; a missing value is left out, not counted as 0 (n/N: units with a value of those ranked).",
        framework: "framework", decision: "Decision", rankedBy: "ranked by", region: "region", indicator: "Indicator",
        max: "Max", earned: "Earned", left: "Left", pointsLeft: "Points left on the table (max − earned), largest first:",
        rankingNote: "Values to 4 decimals; pillar ranks in brackets; equal values at 4 decimals share a rank.",
        comparisonNote: { among in "Values to 4 decimals; in brackets the rank among \(among); ★ marks the best of each row." },
        explainHint: "dti explain for more", missing: "— missing",
        footer: { shown, total, ranked, unranked in
            "\(shown) of \(total) shown; \(ranked) ranked" + (unranked > 0 ? ", \(unranked) without data (not ranked)" : "") + "."
        },
        rankOf: { rank, count in "rank \(rank) of \(count)" })

    public static let vietnamese = TerminalStrings(
        rank: "Hạng", code: "Mã", unit: "Tỉnh, thành phố", formedFrom: "Hình thành từ", flags: "Ghi chú", entry: "Chỉ số",
        value: "Giá trị", mean: "Trung bình",
        meanRule:
            "Trung bình: tính trên các đơn vị có giá trị; giá trị thiếu được bỏ qua, không tính là 0 (n/N: số đơn vị có giá trị trên số đơn vị được xếp hạng).",
        framework: "bộ chỉ số", decision: "Quyết định", rankedBy: "xếp theo", region: "vùng",
        indicator: "Chỉ số", max: "Tối đa", earned: "Đạt", left: "Còn thiếu",
        pointsLeft: "Điểm còn bỏ ngỏ (tối đa − đạt được), lớn nhất trước:",
        rankingNote: "Giá trị làm tròn 4 chữ số thập phân; hạng trụ cột trong ngoặc; giá trị bằng nhau ở 4 chữ số thì cùng hạng.",
        comparisonNote: { among in "Giá trị làm tròn 4 chữ số thập phân; trong ngoặc là hạng trong \(among); ★ là giá trị cao nhất của hàng." },
        explainHint: "xem thêm: dti explain", missing: "— thiếu",
        footer: { shown, total, ranked, unranked in
            "Hiển thị \(shown)/\(total); \(ranked) đơn vị được xếp hạng"
                + (unranked > 0 ? ", \(unranked) không có số liệu (không xếp hạng)" : "") + "."
        },
        rankOf: { rank, count in "hạng \(rank)/\(count)" })
}

extension ReportLanguage {
    /// The terminal words of this language.
    public var terminal: TerminalStrings { self == .vi ? .vietnamese : .english }

    /// The unit set's name, e.g. "63 tỉnh, thành phố (trước 1/7/2025)"; a set other than the 63
    /// and the 34 goes by its registry label.
    public func label(of unitSet: UnitSet) -> String {
        switch unitSet.id {
        case UnitSet.provinces63ID: strings.units63
        case UnitSet.provinces34ID: strings.units34
        default: self == .vi ? unitSet.labelVI ?? unitSet.label : unitSet.label
        }
    }

    /// The heading of the unit column: "Province", or "Unit" for communes and districts.
    public func unitHeading(for unitSet: UnitSet) -> String {
        guard unitSet.parentSetID != nil else { return terminal.unit }
        return self == .vi ? "Đơn vị" : "Unit"
    }

    /// A notice for the terminal: the English message (as scripts and tests know it), or its
    /// Vietnamese text.
    public func terminalText(of notice: Notice) -> String { self == .en ? notice.message : text(of: notice) }

    /// An entry's value for display: "—" with the reason when it was not given (it earned 0
    /// points, which a 0,0000 would hide), else the number.
    public func value(of row: ResultRow, _ entryID: String) -> String {
        row.isMissing(entryID) ? terminal.missing : number(row.values[entryID])
    }
}
