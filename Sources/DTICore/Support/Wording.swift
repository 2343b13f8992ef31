/// The two languages of everything `dti` says to a person.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// A sentence a person reads, in both languages, written side by side where it is made so that
/// neither can be forgotten. Machine formats (CSV, JSON keys) do not use it.
public struct Wording: Sendable, Hashable, CustomStringConvertible {
    /// The English sentence.
    public var english: String
    /// The Vietnamese sentence.
    public var vietnamese: String

    /// A sentence in English and Vietnamese.
    public init(_ english: String, vi vietnamese: String) {
        self.english = english
        self.vietnamese = vietnamese
    }

    /// Text that reads the same in both languages: a name, a path, a quoted cell.
    public static func same(_ text: String) -> Wording { Wording(text, vi: text) }

    /// The sentence in `language`.
    public func text(_ language: Language) -> String { language == .vi ? vietnamese : english }

    /// The English sentence, as logs and tests have always seen it.
    public var description: String { english }

    /// Both sentences followed by `other`'s, joined by `separator`.
    public func appending(_ separator: String, _ other: Wording) -> Wording {
        Wording(english + separator + other.english, vi: vietnamese + separator + other.vietnamese)
    }
}

/// An error that can say itself in both languages; the command line prints it in the user's.
public protocol WordedError: Error {
    /// What went wrong and what to do, in both languages.
    var wording: Wording { get }
}
