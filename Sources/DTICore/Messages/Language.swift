/// A language `dti` speaks: a column of the message catalogue, named by its code (`vi`, `en`).
/// Not a closed list: a catalogue with a third column speaks a third language, with no code to change.
public struct Language: RawRepresentable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The language's code, as `--lang` takes it and the catalogue's header names it.
    public let rawValue: String
    /// The language's column in the built-in catalogue.
    public let column: Int

    /// The language `code` names, if the built-in catalogue has its column.
    public init?(rawValue code: String) {
        guard let column = MessageCatalogue.builtIn.languages.firstIndex(of: code) else { return nil }
        self.rawValue = code
        self.column = column
    }

    /// A language the code names: its column, or the first (English) should the catalogue lack it,
    /// which `MessageCatalogueTests` would report.
    private init(builtIn code: String) {
        self.rawValue = code
        self.column = MessageCatalogue.builtIn.languages.firstIndex(of: code) ?? 0
    }

    /// A language by its column of the built-in catalogue.
    init(column: Int) {
        self.rawValue = MessageCatalogue.builtIn.languages[column]
        self.column = column
    }

    /// Vietnamese, the default voice of `dti` under a Vietnamese locale.
    public static let vi = Language(builtIn: "vi")
    /// English, the first column: what a cell left empty falls back to.
    public static let en = Language(builtIn: "en")

    /// Every language of the built-in catalogue, in its column order.
    public static var allCases: [Language] { MessageCatalogue.builtIn.languages.indices.map(Language.init(column:)) }

    public var description: String { rawValue }

    public static func == (lhs: Language, rhs: Language) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
