/// A value cell a file left empty: the value it leaves missing, and where. An import hands these
/// to the store beside the values, so that a blank where a value is stored is a difference.
public struct BlankCell: Sendable, Hashable {
    public var key: ObservationKey
    public var location: SourceLocation

    public init(key: ObservationKey, location: SourceLocation) {
        self.key = key
        self.location = location
    }

    /// The file the cell is in.
    public var file: String { location.file }
}
