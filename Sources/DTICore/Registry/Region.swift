/// A socio-economic region (Resolution 81/2023/QH15).
public struct Region: Sendable, Hashable, Codable {
    /// Stable id derived from the English name, e.g. `red-river-delta`.
    public var id: String
    /// Vietnamese name, e.g. "Đồng bằng sông Hồng".
    public var nameVI: String
    /// English name, e.g. "Red River Delta".
    public var nameEN: String

    /// Creates a region.
    public init(id: String, nameVI: String, nameEN: String) {
        self.id = id
        self.nameVI = nameVI
        self.nameEN = nameEN
    }
}
