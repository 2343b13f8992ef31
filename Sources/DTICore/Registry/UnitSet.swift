/// A complete set of units that are ranked together: the 63 provinces before 1 July 2025, the 34
/// after, the country's communes, or a set read from a unit file such as one province's districts.
public struct UnitSet: Sendable, Hashable {
    /// Stable id, e.g. `vn63`; stored values are keyed by it (through `dataSetID`).
    public let id: String
    /// Human label, in English, e.g. "63 provinces (before 1 July 2025)".
    public let label: String
    /// The label in Vietnamese, when the set has one (Vietnamese pages show it).
    public let labelVI: String?
    /// The id of the set this one was formed from, for merged sets (`vn34` → `vn63`).
    public let predecessorID: String?
    /// The set whose units are the parents of this set's units (`vn34` for the communes).
    public let parentSetID: String?
    /// The set whose stored values this set reads: its own id, or for a set narrowed to one
    /// parent (Bắc Ninh's communes) the whole set's, so one import serves every narrowing.
    public let dataSetID: String
    /// The units, ordered by code.
    public let units: [AdministrativeUnit]
    /// The regions the units refer to.
    public let regions: [Region]
    /// The province a narrowed set's units all belong to ("Bắc Ninh" for `communes-24`).
    public private(set) var parentName: String?
    private let byCode: [String: Int]

    /// Creates a set; units are ordered by code.
    public init(
        id: String, label: String, labelVI: String? = nil, predecessorID: String? = nil, parentSetID: String? = nil, dataSetID: String? = nil,
        units: [AdministrativeUnit], regions: [Region], parentName: String? = nil
    ) {
        self.parentName = parentName
        self.id = id
        self.label = label
        self.labelVI = labelVI
        self.predecessorID = predecessorID
        self.parentSetID = parentSetID
        self.dataSetID = dataSetID ?? id
        self.units = units.sorted { $0.code < $1.code }
        self.regions = regions
        self.byCode = Dictionary(self.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit with this code.
    public func unit(code: String) -> AdministrativeUnit? {
        byCode[code].map { units[$0] }
    }

    /// The region with this id.
    public func region(id: String) -> Region? {
        regions.first { $0.id == id }
    }

    /// Whether every unit has a region (no official region assignment exists for the 34 units).
    public var hasRegions: Bool { units.allSatisfy { $0.regionID != nil } }

    /// The number of units.
    public var count: Int { units.count }

    /// The set's name in both languages ("63 tỉnh, thành phố (trước 1/7/2025)").
    public var labelWording: Wording { Wording.name(en: label, vi: labelVI ?? label) }

    /// "99 communes and wards of Bắc Ninh", or "the 63 provinces": the units a mean is taken over.
    public var countedUnits: Wording { countedUnits(count) }

    /// `count` of the set's units, named as the set names them ("the 97 communes and wards of
    /// Bắc Ninh"): those of its units that are ranked, say.
    public func countedUnits(_ count: Int) -> Wording {
        let noun = unitNoun
        if let parentName {
            return Messages.Core.countedUnitsOf(count: GroupedCount(count), noun: noun, parent: parentName)
        }
        return Messages.Core.countedUnits(count: GroupedCount(count), noun: noun)
    }

    /// The `--units` value that names this built-in set (or the set it narrows): 63, 34 or
    /// communes; nil for a unit file's set.
    public var builtInOption: String? {
        [Self.provinces63ID: "63", Self.provinces34ID: "34", Self.communesID: "communes"][dataSetID]
    }

    /// What the set's units are called: provinces ("tỉnh, thành phố"), communes and wards ("xã,
    /// phường"), or the units of a unit file ("đơn vị"), for every heading, mean and caption.
    public var unitNoun: Wording {
        if parentSetID == nil { return Messages.Core.provinces }
        if id == Self.communesID || id.hasPrefix(Self.communesID + "-") { return Messages.Core.communesAndWards }
        return Messages.Core.units
    }

    /// The units whose parent is `parent`, as a set of their own (`communes-24`, labelled with
    /// `parentName`) that reads the whole set's stored values; `nil` when no unit has that parent.
    public func narrowed(toParent parent: AdministrativeUnit) -> UnitSet? {
        let children = units.filter { $0.parentCode == parent.code }
        guard !children.isEmpty else { return nil }
        let regionIDs = Set(children.compactMap(\.regionID))
        let narrowedLabel = Messages.Core.narrowedSetLabel(count: children.count, noun: unitNoun, parent: parent.name, label: labelWording)
        return UnitSet(
            id: "\(id)-\(parent.code)", label: narrowedLabel.text(.en), labelVI: narrowedLabel.text(.vi),
            predecessorID: nil, parentSetID: parentSetID,
            dataSetID: dataSetID, units: children, regions: regions.filter { regionIDs.contains($0.id) }, parentName: parent.name)
    }
}

extension UnitSet {
    /// The id of the 63 provinces (before 1 July 2025): the key of values stored by early versions.
    public static let provinces63ID = "vn63"
    /// The id of the 34 provinces and cities formed on 1 July 2025.
    public static let provinces34ID = "vn34"
    /// The id of the built-in set of the 3,321 communes and wards of 1 July 2025.
    public static let communesID = "communes"
}
