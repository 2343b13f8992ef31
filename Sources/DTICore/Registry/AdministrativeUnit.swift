/// A unit within one unit set: a province-level unit (tỉnh or thành phố trực thuộc trung ương), or
/// a commune or district of one (then `parentCode` names its province).
///
/// Codes are only unique within a unit set: after 1 July 2025 code 24 is Bắc Ninh, while before
/// it 24 was Bắc Giang. So a unit is always looked up through its `UnitSet`.
public struct AdministrativeUnit: Sendable, Hashable, Codable {
    /// Official code, e.g. `27` for a province or `07210` for a commune; any text without commas
    /// in a unit file.
    public var code: String
    /// Short Vietnamese name, e.g. "Bắc Ninh".
    public var name: String
    /// Full Vietnamese name, e.g. "Tỉnh Bắc Ninh".
    public var fullName: String
    /// English name without diacritics, e.g. "Bac Ninh".
    public var nameEN: String
    /// Other spellings in use, e.g. the name as dti.gov.vn writes it ("TP. Hà Nội").
    public var aliases: [String]
    /// The socio-economic region, when one is officially assigned.
    public var regionID: String?
    /// For a unit formed by merger: the codes of the units it was formed from, in the previous set.
    public var memberCodes: [String]
    /// For a commune or district: the code of its province in the set's `parentSetID`.
    public var parentCode: String?

    /// Creates a unit.
    public init(
        code: String, name: String, fullName: String, nameEN: String, aliases: [String] = [],
        regionID: String? = nil, memberCodes: [String] = [], parentCode: String? = nil
    ) {
        self.parentCode = parentCode
        self.code = code
        self.name = name
        self.fullName = fullName
        self.nameEN = nameEN
        self.aliases = aliases
        self.regionID = regionID
        self.memberCodes = memberCodes
    }
}
