/// One entry of an indicator catalogue: the index itself, a pillar, a main indicator or a component.
///
/// Entries form a directed acyclic graph rather than a tree: in the 2021–2023 framework each
/// foundation indicator counts in all three pillars and in the index. An entry lists the
/// aggregates it counts in (`countsIn`); its value is either given in the data or computed from
/// the entries that count in it.
public struct CatalogueNode: Sendable, Hashable {
    /// What level of the framework an entry is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The overall index (DTI); exactly one per catalogue.
        case index
        /// A pillar: digital government, economy or society.
        case pillar
        /// A main indicator (chỉ số chính), e.g. digital awareness.
        case indicator
        /// A component indicator (chỉ số thành phần) under a main indicator.
        case component
    }

    /// Stable identifier used in data files and on the command line, e.g. `awareness`.
    public var id: String
    /// The level of the entry.
    public var kind: Kind
    /// Vietnamese name, with diacritics.
    public var nameVI: String
    /// English name.
    public var nameEN: String
    /// Maximum points on the framework's scale; the entry's weight in every aggregate it counts in.
    public var points: Double
    /// Ids of the aggregates (index, pillars, main indicators) this entry counts in.
    public var countsIn: [String]
    /// For a component: how its raw value becomes points; `nil` for every other kind.
    public var scoring: ComponentScoringRule?
    /// An optional remark from the catalogue (e.g. why an entry is unscored or illustrative).
    public var note: String?
    /// The remark in Vietnamese (`note_vi`).
    public var noteVI: String?
    /// Where the entry is declared, for error messages.
    public var location: SourceLocation?

    /// Creates an entry.
    public init(
        id: String, kind: Kind, nameVI: String, nameEN: String, points: Double, countsIn: [String] = [],
        scoring: ComponentScoringRule? = nil, note: String? = nil, noteVI: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.noteVI = noteVI
        self.id = id
        self.kind = kind
        self.nameVI = nameVI
        self.nameEN = nameEN
        self.points = points
        self.countsIn = countsIn
        self.scoring = scoring
        self.note = note
        self.location = location
    }
}
