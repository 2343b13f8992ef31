/// Numbers as placeholders: each language writes them its own way (the catalogue's `format.*` rows).
extension Language {
    /// The decimal mark: `0.5` in English, `0,5` in Vietnamese.
    public var decimalMark: Character { Character(Wording.catalogueFormat("format.decimalMark", self)) }
    /// The mark between groups of three digits: `10,000` in English, `10.000` in Vietnamese.
    public var groupSeparator: Character { Character(Wording.catalogueFormat("format.groupSeparator", self)) }
}

extension Wording {
    /// A `format.*` row of the built-in catalogue in `language`.
    static func catalogueFormat(_ key: String, _ language: Language) -> String {
        MessageCatalogue.builtIn.template(key, column: language.column)
    }

    /// `items` as one phrase: "a, b and c" in English, "a, b và c" in Vietnamese (`format.and`),
    /// or with "or" (`format.or`).
    public static func list(_ items: [String], or: Bool = false) -> Wording {
        Wording.same("").map { _, language in
            guard items.count > 1 else { return items.first ?? "" }
            let last = catalogueFormat(or ? "format.or" : "format.and", language)
            return items.dropLast().joined(separator: ", ") + last + items[items.count - 1]
        }
    }
}

/// A number as given, in full, with the language's decimal mark: `0.5` or `0,5` (`NumberText.exact`).
public struct ExactNumber: MessageArgument {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public func text(_ language: Language) -> String {
        let mark = language.decimalMark
        return String(NumberText.exact(value).map { $0 == "." ? mark : $0 })
    }
}

/// A count with its thousands grouped as the language writes them: `2,201` or `2.201`.
public struct GroupedCount: MessageArgument {
    public var value: Int
    public init(_ value: Int) { self.value = value }
    public func text(_ language: Language) -> String { NumberText.grouped(value, separator: language.groupSeparator) }
}

extension Double: MessageArgument {
    /// A number as code writes it; sentences for a reader use `ExactNumber` or a rounded figure.
    public func text(_ language: Language) -> String { "\(self)" }
}

/// An entry of a catalogue (an indicator, a pillar) as a sentence names it: its id in English,
/// its Vietnamese name with the id after in Vietnamese ("Nhận thức số (awareness)"), so a
/// Vietnamese reader reads a name and can still find the id in the file.
public struct EntryName: MessageArgument {
    public var id: String
    public var nameVI: String
    public init(id: String, nameVI: String) {
        self.id = id
        self.nameVI = nameVI
    }
    public func text(_ language: Language) -> String { language == .vi && !nameVI.isEmpty && nameVI != id ? "\(nameVI) (\(id))" : id }
}

extension SourceLocation: MessageArgument {
    /// `file:line:column`, the same in every language.
    public func text(_ language: Language) -> String { description }
}

/// A figure a person reads, rounded to `decimals` (rounded, never cut), with the language's
/// decimal mark and minus sign: `-0.04` in English (as scripts reading the terminal have always
/// seen it), `−0,04` in Vietnamese.
public struct Figure: MessageArgument {
    public var value: Double
    public var decimals: Int
    public init(_ value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }
    public func text(_ language: Language) -> String {
        let text = PublishedPrecision.format(value, decimals: decimals, decimalSeparator: language.decimalMark)
        return text.hasPrefix("-") ? Wording.catalogueFormat("format.minus", language) + text.dropFirst() : text
    }
}

extension Language {
    /// An entry of `catalogue` as this language names it: its Vietnamese name in Vietnamese, its
    /// id otherwise (English output keeps the ids a file's header uses).
    public func entryName(_ id: String, in catalogue: IndicatorCatalogue?) -> String {
        text(en: id, vi: catalogue?.node(id)?.nameVI)
    }
}
