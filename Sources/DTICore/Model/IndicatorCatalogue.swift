/// A framework's indicators, as loaded from a versioned catalogue file and checked.
///
/// Only a valid catalogue can be constructed: the initializer runs every structural check
/// (`IndicatorCatalogue+Validation.swift`) and throws all problems at once.
public struct IndicatorCatalogue: Sendable, Hashable {
    /// Framework id, e.g. `dti-2022`.
    public let framework: String
    /// Human title, e.g. "Bộ chỉ số DTI cấp tỉnh (Quyết định 922/QĐ-BTTTT)".
    public let title: String
    /// The title in English (`title_en`), for English pages.
    public let titleEN: String?
    /// The legal basis, e.g. "922/QĐ-BTTTT (20/5/2022)".
    public let decision: String
    /// Whether the catalogue holds assumptions rather than published figures (e.g. 2024 points).
    public let isProvisional: Bool
    /// Why the catalogue is provisional, shown in every output that uses it.
    public let provisionalNote: String?
    /// The same in Vietnamese (`provisional_note_vi`), for Vietnamese pages and terminals.
    public let provisionalNoteVI: String?
    /// Set when the catalogue is illustrative (not an official framework), with why; shown in
    /// every output that uses it.
    public let illustrativeNote: String?
    /// The same in Vietnamese (`illustrative_note_vi`).
    public let illustrativeNoteVI: String?
    /// Where the catalogue came from, for messages.
    public let sourceName: String
    /// All entries in declaration order.
    public let nodes: [CatalogueNode]

    /// The index entry (DTI).
    public let index: CatalogueNode
    private let positions: [String: Int]
    private let partsByID: [String: [String]]
    /// Positions by Vietnamese or English name as written, then by folded name or id: what
    /// `entry(named:)` reads.
    let positionsByName: [String: Int]
    let positionsByFoldedName: [String: [Int]]

    /// Checks `nodes` and builds the catalogue, or throws every problem found.
    public init(
        framework: String, title: String, decision: String, isProvisional: Bool = false,
        provisionalNote: String? = nil, illustrativeNote: String? = nil, provisionalNoteVI: String? = nil,
        illustrativeNoteVI: String? = nil, titleEN: String? = nil, sourceName: String, nodes: [CatalogueNode]
    ) throws(CatalogueError) {
        self.titleEN = titleEN
        let problems = Self.problems(in: nodes, sourceName: sourceName)
        guard problems.isEmpty else { throw CatalogueError.invalid(file: sourceName, problems: problems) }
        self.framework = framework
        self.title = title
        self.decision = decision
        self.isProvisional = isProvisional
        self.provisionalNote = provisionalNote
        self.illustrativeNote = illustrativeNote
        self.provisionalNoteVI = provisionalNoteVI
        self.illustrativeNoteVI = illustrativeNoteVI
        self.sourceName = sourceName
        self.nodes = nodes
        var positions: [String: Int] = [:]
        var parts: [String: [String]] = [:]
        for (position, node) in nodes.enumerated() {
            positions[node.id] = position
            for parent in node.countsIn { parts[parent, default: []].append(node.id) }
        }
        self.positions = positions
        self.partsByID = parts
        var byName: [String: Int] = [:]
        var byFoldedName: [String: [Int]] = [:]
        for (position, node) in nodes.enumerated() {
            for name in [node.nameVI, node.nameEN] where byName[name] == nil { byName[name] = position }
            for key in Set([node.nameVI, node.nameEN, node.id].map(TextFolding.fold)) { byFoldedName[key, default: []].append(position) }
        }
        self.positionsByName = byName
        self.positionsByFoldedName = byFoldedName
        // `problems(in:)` guarantees exactly one index entry.
        self.index = nodes.first { $0.kind == .index } ?? nodes[0]
        self.pillars = nodes.filter { $0.kind == .pillar }
        self.indicators = nodes.filter { $0.kind == .indicator }
    }

    /// The entry with this id.
    public func node(_ id: String) -> CatalogueNode? {
        positions[id].map { nodes[$0] }
    }

    /// The entries that count in the aggregate `id`, in declaration order.
    public func parts(of id: String) -> [CatalogueNode] {
        (partsByID[id] ?? []).compactMap(node)
    }

    /// The pillars, in declaration order (kept, not filtered at each ask: renderers ask per row).
    public let pillars: [CatalogueNode]

    /// The main indicators, in declaration order.
    public let indicators: [CatalogueNode]

    /// The components of a main indicator, in declaration order.
    public func components(of indicatorID: String) -> [CatalogueNode] {
        parts(of: indicatorID).filter { $0.kind == .component }
    }

    /// Whether any entry is a component.
    public var hasComponents: Bool { nodes.contains { $0.kind == .component } }

    /// The entries a data file may give values for: every entry but the index.
    public var reportableNodes: [CatalogueNode] { nodes.filter { $0.kind != .index } }

    /// The entries whose values are averaged when units merge: the parts of the index.
    ///
    /// For 2021 onwards these are the main indicators (the official 2024 rule); for 2020, whose
    /// data are pillar values, they are the pillars.
    public var mergeLevel: [CatalogueNode] { parts(of: index.id) }

    /// The ids of every entry, for suggestions.
    public var ids: [String] { nodes.map(\.id) }
}
