import DTICore

/// The blank input file a province fills in for an edition (`dti template`): the long layout
/// with a row per unit and entry to give, the entry's Vietnamese name, what it measures and the
/// values accepted beside an empty value column. Filled in, it imports as it is: the reader knows
/// the descriptive columns and passes over them.
public struct InputTemplate: Sendable {
    /// What a value cell accepts.
    public enum Rule: Sendable, Hashable {
        /// A number in `minimum…maximum`.
        case range(minimum: Double, maximum: Double)
        /// One of these words (yes, half, no).
        case words([String])
    }

    /// Lines above the header: what the file is for and any notice of the framework.
    public let preamble: [String]
    /// The column titles, in the report language (the reader accepts both languages).
    public let header: [String]
    /// The rows: every cell filled but the value, source and note.
    public let rows: [[String]]
    /// The 0-based column of the values.
    public let valueColumn: Int
    /// The rule of each row's value cell.
    public let rules: [Rule]

    /// The entries a file gives values for: those no other entry counts in (the main indicators,
    /// or their components where the catalogue has them; the pillars of 2020).
    public static func entries(of catalogue: IndicatorCatalogue) -> [CatalogueNode] {
        catalogue.reportableNodes.filter { catalogue.parts(of: $0.id).isEmpty }
    }

    /// The template for `units` in the edition `year` scored with `catalogue`.
    public init(year: Int, catalogue: IndicatorCatalogue, units: [AdministrativeUnit], unitSet: UnitSet, language: ReportLanguage) {
        let vi = language == .vi
        let entries = Self.entries(of: catalogue)
        header =
            vi
            ? ["Tỉnh", "Năm", "Chỉ số", "Tên chỉ số", "Đơn vị tính", "Khoảng hợp lệ", "Giá trị", "Nguồn", "Ghi chú"]
            : ["province", "year", "indicator", "name", "measure", "range", "value", "source", "note"]
        valueColumn = 6
        var preamble = [
            vi
                ? "Mẫu nhập liệu DTI \(year) · \(language.label(of: unitSet)) · bộ chỉ số \(catalogue.framework): điền cột Giá trị (và Nguồn, Ghi chú nếu có), không sửa các cột khác; nhập bằng 'dti import'."
                : "DTI \(year) input template · \(language.label(of: unitSet)) · framework \(catalogue.framework): fill in the value column (and source, note if any) and leave the others as they are; import with 'dti import'."
        ]
        preamble += catalogue.notices.map { "! " + language.terminalText(of: $0) }
        self.preamble = preamble
        var rows: [[String]] = []
        var rules: [Rule] = []
        for unit in units {
            for entry in entries {
                let (measure, range, rule) = Self.describe(entry, language: language)
                let name = vi ? entry.nameVI : "\(entry.nameVI) (\(entry.nameEN))"
                rows.append([unit.name, String(year), entry.id, name, measure, range, "", "", ""])
                rules.append(rule)
            }
        }
        self.rows = rows
        self.rules = rules
    }

    /// What an entry's value measures, its range as text, and the rule for its cell.
    static func describe(_ entry: CatalogueNode, language: ReportLanguage) -> (String, String, Rule) {
        let vi = language == .vi
        guard let scoring = entry.scoring else {
            if entry.points == 0 {
                return (vi ? "tỷ lệ (không tính điểm)" : "share (not scored)", "0–1", .range(minimum: 0, maximum: 1))
            }
            return (
                vi ? "tỷ lệ điểm đạt được trên \(NumberText.exact(entry.points)) điểm" : "share of the \(NumberText.exact(entry.points)) points",
                "0–1", .range(minimum: 0, maximum: 1)
            )
        }
        let low = scoring.range.lowerBound
        let high = scoring.range.upperBound
        let range = high >= 1e15 ? "≥ \(NumberText.exact(low))" : "\(NumberText.exact(low))–\(NumberText.exact(high))"
        switch scoring.measure {
        case .share:
            return (vi ? "tỷ lệ (0,97 hoặc 97%)" : "share (0.97 or 97%)", range, .range(minimum: low, maximum: high))
        case .count:
            return (vi ? "số lượng" : "count", range, .range(minimum: low, maximum: min(high, 1e15)))
        case .yesHalfNo:
            let words = vi ? ["có", "một phần", "không"] : ["yes", "half", "no"]
            return (words.joined(separator: " / "), words.joined(separator: ", "), .words(words))
        }
    }

    /// The template as CSV: the preamble as `#` comments, which the reader skips before the header.
    public var csv: String {
        var lines = preamble.map { "# " + $0 }
        lines.append(header.map(RankingCSVRenderer.quote).joined(separator: ","))
        for row in rows { lines.append(row.map(RankingCSVRenderer.quote).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }
}
