import DTICore

/// What a ranking output shows: a result, the entry it is ordered by, and which rows.
///
/// Ranks are always national (computed over every unit); filters only choose rows to show.
public struct RankingView: Sendable {
    /// The scored edition.
    public let result: EditionResult
    /// The entry rows are ordered and ranked by (`dti`, a pillar or an indicator id).
    public let entry: CatalogueNode
    /// The rows shown, in rank order.
    public let rows: [ResultRow]
    /// A description of the filters applied, e.g. "region: Red River Delta", for headings.
    public let filterDescription: String?

    /// Orders `result` by `entryID` and keeps rows that pass `include` and rank within `top`
    /// (tied units at the cut-off are all kept).
    public init(
        result: EditionResult, entryID: String? = nil, top: Int? = nil, filterDescription: String? = nil,
        include: (ResultRow) -> Bool = { _ in true }
    ) {
        self.result = result
        self.entry = entryID.flatMap(result.catalogue.node) ?? result.catalogue.index
        let entryID = entry.id
        var rows = result.rows(orderedBy: entryID).filter(include)
        if let top { rows = rows.filter { ($0.ranks[entryID] ?? Int.max) <= top } }
        self.rows = rows
        self.filterDescription = filterDescription
    }

    /// The columns of values: the ranked entry first if it is not the index, then the index and pillars.
    public var valueEntries: [CatalogueNode] {
        let catalogue = result.catalogue
        let leading = entry.id == catalogue.index.id || catalogue.pillars.contains(entry) ? [] : [entry]
        return leading + [catalogue.index] + catalogue.pillars
    }

    /// A one-line title, e.g. "DTI 2022 · 63 provinces (before 1 July 2025) · framework dti-2022".
    public var title: String { title(in: .en) }

    /// The title in `language`.
    public func title(in language: ReportLanguage) -> String {
        let words = language.terminal
        let unitSet = language.label(of: result.unitSet)
        var parts = ["DTI \(result.edition.year)", unitSet, "\(words.framework) \(result.catalogue.framework)"]
        if !result.catalogue.decision.isEmpty { parts[2] += " (\(words.decision) \(result.catalogue.decision))" }
        // Vietnamese names the entry ("xếp theo Thể chế số"); English keeps the id `--by` takes.
        if entry.id != result.catalogue.index.id { parts.append("\(words.rankedBy) \(language.text(en: entry.id, vi: entry.nameVI))") }
        if let filterDescription { parts.append(filterDescription) }
        return parts.joined(separator: " · ")
    }

    /// Column header for an entry: `DTI` for the index, the id otherwise.
    public func header(for entry: CatalogueNode) -> String { header(for: entry, in: .en) }

    /// A column's heading in `language`: the id in English (as scripts and habits know it), the
    /// Vietnamese name in Vietnamese ("Chính quyền số").
    public func header(for entry: CatalogueNode, in language: ReportLanguage) -> String {
        if entry.kind == .index { return entry.id.uppercased() }
        return language.text(en: entry.id, vi: entry.nameVI)
    }

    /// Whether any shown row was formed by merger.
    public var hasMergedRows: Bool { rows.contains { $0.memberNames != nil } }

    /// Counts for the footer.
    public var footer: String { footer(in: .en) }

    /// The footer in `language`.
    public func footer(in language: ReportLanguage) -> String {
        let ranked = result.rows.filter(\.isRanked).count
        return language.terminal.footer(rows.count, result.rows.count, ranked, result.rows.count - ranked)
    }
}

extension ResultRow {
    /// Names of the members of a merged unit, or `nil`.
    var memberNames: [String]? {
        for flag in flags {
            if case let .merged(_, names) = flag { return names }
        }
        return nil
    }

    /// The flags a row shows beside its values, as short forms.
    var shownFlags: [String] { shownFlags(in: .en) }

    /// The short forms in `language` of the flags a row shows (warnings, own values); a member's
    /// missing value names the member ("missing:institutions@93 Hậu Giang", in Vietnamese "thiếu:
    /// Thể chế số (Hậu Giang)"), since its code alone says nothing to a reader.
    func shownFlags(in language: ReportLanguage, catalogue: IndicatorCatalogue? = nil) -> [String] {
        flags.filter(\.isShownWithTheRow).map { flag in
            // The English short form is a code (`missing:institutions@93`): the member's name follows it.
            if case let .memberMissingValue(_, _, name) = flag {
                return language.text(en: language.shortForm(of: flag) + " " + name, vi: language.shortForm(of: flag, catalogue: catalogue))
            }
            return language.shortForm(of: flag, catalogue: catalogue)
        }
    }
}
