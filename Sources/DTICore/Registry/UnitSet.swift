/// A complete set of units that are ranked together: the 63 provinces before 1 July 2025, the 34
/// after, or (later) a custom set such as the districts of one province.
public struct UnitSet: Sendable, Hashable {
    /// Stable id, e.g. `vn63`.
    public let id: String
    /// Human label, e.g. "63 tỉnh, thành phố (trước 1/7/2025)".
    public let label: String
    /// The id of the set this one was formed from, for merged sets (`vn34` → `vn63`).
    public let predecessorID: String?
    /// The units, ordered by code.
    public let units: [AdministrativeUnit]
    /// The regions the units refer to.
    public let regions: [Region]
    private let byCode: [String: Int]

    /// Creates a set; units are ordered by code.
    public init(id: String, label: String, predecessorID: String? = nil, units: [AdministrativeUnit], regions: [Region]) {
        self.id = id
        self.label = label
        self.predecessorID = predecessorID
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
}
