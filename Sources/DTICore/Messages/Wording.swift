/// A sentence a person reads, in every language of the message catalogue. Made from a catalogue
/// message (`Messages.…`, generated from the catalogue, so a key that does not exist does not
/// compile) with its placeholders filled, or from text that reads the same in every language (a
/// name, a path, a quoted cell). Machine formats (CSV, JSON keys) do not use it.
public struct Wording: Sendable, Hashable, CustomStringConvertible {
    /// One text per language, in the catalogue's column order.
    private var texts: [String]

    private init(texts: [String]) { self.texts = texts }

    /// The catalogue's message `key` with each placeholder filled by `arguments`' value in the
    /// language of each text. The generated `Messages` functions call it; a key or a placeholder
    /// it does not know reads as itself, and `MessageCatalogueTests` fail on either.
    public init(key: String, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        texts = MessageCatalogue.builtIn.templates(key).enumerated().map { column, template in
            let language = Language(column: column)
            return MessageCatalogue.fill(template) { name in
                arguments.first { $0.key == name }?.value.text(language) ?? "{\(name)}"
            }
        }
    }

    /// A name the data gives in English and Vietnamese (a region, an indicator): names are data,
    /// not messages, so a language the data does not name reads the English.
    public static func name(en english: String, vi vietnamese: String) -> Wording {
        Wording(texts: MessageCatalogue.builtIn.languages.map { $0 == "vi" ? vietnamese : english })
    }

    /// Text that reads the same in every language: a name, a path, a quoted cell.
    public static func same(_ text: String) -> Wording { Wording(texts: Array(repeating: text, count: MessageCatalogue.builtIn.languages.count)) }

    /// The text in `language`.
    public func text(_ language: Language) -> String { texts[language.column] }

    /// The English text, as logs and tests have always seen it.
    public var description: String { texts[0] }

    /// Every language's text followed by `other`'s in the same language, joined by `separator`.
    public func appending(_ separator: String, _ other: Wording) -> Wording {
        Wording(texts: zip(texts, other.texts).map { $0 + separator + $1 })
    }

    /// Each language's text changed by `transform`, which is given the language.
    public func map(_ transform: (String, Language) -> String) -> Wording {
        Wording(texts: texts.indices.map { transform(texts[$0], Language(column: $0)) })
    }
}

/// A value that fills a placeholder of a message: text that reads the same in every language, or
/// a `Wording` that says itself in each.
public protocol MessageArgument: Sendable {
    /// The value as the text of `language` writes it.
    func text(_ language: Language) -> String
}

extension Wording: MessageArgument {}

extension String: MessageArgument {
    public func text(_ language: Language) -> String { self }
}

extension Substring: MessageArgument {
    public func text(_ language: Language) -> String { String(self) }
}

extension Character: MessageArgument {
    public func text(_ language: Language) -> String { String(self) }
}

extension Int: MessageArgument {
    /// A whole number as code writes it (`2024`, a line, a column): years must not read `2.024`.
    public func text(_ language: Language) -> String { String(self) }
}

/// An error that can say itself in every language; the command line prints it in the user's.
public protocol WordedError: Error {
    /// What went wrong and what to do.
    var wording: Wording { get }
}

extension Language {
    /// A text the data give in English and Vietnamese (a name, a note): this language's when the
    /// data have it, else the English. Names are data, not messages: a third language reads the English.
    public func text(en english: String, vi vietnamese: String?) -> String {
        self == .vi ? vietnamese ?? english : english
    }

    /// A table's column headings (or any short list), from a message whose text gives them
    /// separated by tabs (`\t` in the catalogue).
    public func headings(_ message: Wording) -> [String] {
        message.text(self).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
}
