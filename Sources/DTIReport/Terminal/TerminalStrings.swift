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

    /// The words of `language`, from the message catalogue (`terminal.…`); `{name}` placeholders are
    /// filled where the words are used.
    public static func from(_ language: Language) -> TerminalStrings {
        TerminalStrings(
            rank: Messages.Terminal.rank.text(language),
            code: Messages.Terminal.code.text(language),
            unit: Messages.Terminal.unit.text(language),
            formedFrom: Messages.Terminal.formedFrom.text(language),
            flags: Messages.Terminal.flags.text(language),
            entry: Messages.Terminal.entry.text(language),
            value: Messages.Terminal.value.text(language),
            mean: Messages.Terminal.mean.text(language),
            meanRule: Messages.Terminal.meanRule.text(language),
            framework: Messages.Terminal.framework.text(language),
            decision: Messages.Terminal.decision.text(language),
            rankedBy: Messages.Terminal.rankedBy.text(language),
            region: Messages.Terminal.region.text(language),
            indicator: Messages.Terminal.indicator.text(language),
            max: Messages.Terminal.max.text(language),
            earned: Messages.Terminal.earned.text(language),
            left: Messages.Terminal.left.text(language),
            pointsLeft: Messages.Terminal.pointsLeft.text(language),
            rankingNote: Messages.Terminal.rankingNote.text(language),
            comparisonNote: { among in Messages.Terminal.comparisonNote(among: among).text(language) },
            explainHint: Messages.Terminal.explainHint.text(language),
            missing: Messages.Terminal.missing.text(language),
            footer: { shown, total, ranked, unranked in
                (unranked > 0
                    ? Messages.Terminal.footerUnranked(shown: shown, total: total, ranked: ranked, unranked: unranked)
                    : Messages.Terminal.footer(shown: shown, total: total, ranked: ranked)).text(language)
            },
            rankOf: { rank, count in Messages.Terminal.rankOf(rank: rank, count: count).text(language) })
    }

    /// The words of each language of the catalogue, made once.
    static let byLanguage = Language.allCases.map(TerminalStrings.from)

}

extension ReportLanguage {
    /// The terminal words of this language.
    public var terminal: TerminalStrings { TerminalStrings.byLanguage[column] }

    /// The unit set's name, e.g. "63 tỉnh, thành phố (trước 1/7/2025)"; a set other than the 63
    /// and the 34 goes by its registry label.
    public func label(of unitSet: UnitSet) -> String {
        switch unitSet.id {
        case UnitSet.provinces63ID: strings.units63
        case UnitSet.provinces34ID: strings.units34
        default: text(en: unitSet.label, vi: unitSet.labelVI)
        }
    }

    /// The heading of the unit column: "Province", or "Unit" for communes and districts.
    public func unitHeading(for unitSet: UnitSet) -> String {
        guard unitSet.parentSetID != nil else { return terminal.unit }
        return Messages.Terminal.unitHeading.text(self)
    }

    /// A notice for the terminal: the English message (as scripts and tests know it), or its
    /// Vietnamese text.
    public func terminalText(of notice: Notice) -> String { notice.wording.text(self) }

    /// An entry's value for display: "—" with the reason when it was not given (it earned 0
    /// points, which a 0,0000 would hide), else the number.
    public func value(of row: ResultRow, _ entryID: String) -> String {
        row.isMissing(entryID) ? terminal.missing : number(row.values[entryID])
    }
}
