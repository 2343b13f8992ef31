/// Folds names for matching: lower case, no diacritics, `đ` → `d`, single spaces, hyphens as spaces.
///
/// Works on Unicode scalars, so NFC and NFD spellings fold alike: combining marks are dropped, and a
/// precomposed Latin letter is reduced to its base letter by its Unicode name ("LATIN SMALL LETTER
/// O WITH HORN AND HOOK ABOVE" → "o"). This keeps the core free of Foundation.
public enum TextFolding {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let folded = baseLetter(of: scalar)
            for character in folded {
                if character == " " {
                    if !lastWasSpace { result.append(" ") }
                    lastWasSpace = true
                } else {
                    result.append(character)
                    lastWasSpace = false
                }
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The lower-case ASCII base of one scalar, `""` for a combining mark, `" "` for separators.
    private static func baseLetter(of scalar: Unicode.Scalar) -> String {
        if scalar.isASCII {
            switch scalar {
            case "A"..."Z": return String(Character(Unicode.Scalar(scalar.value + 32) ?? scalar))
            case "a"..."z", "0"..."9": return String(Character(scalar))
            case "-", "_", " ", "\t", "–", ".", ",", "/", "(", ")", "'", "\"": return " "
            default: return String(Character(scalar))
            }
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return ""
        case .spaceSeparator, .dashPunctuation:
            return " "
        default:
            break
        }
        if let name = properties.name, name.hasPrefix("LATIN "), let letter = latinBase(fromName: name) {
            return letter
        }
        return String(properties.lowercaseMapping)
    }

    /// "LATIN CAPITAL LETTER D WITH STROKE" → "d".
    private static func latinBase(fromName name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 4, words[1] == "SMALL" || words[1] == "CAPITAL", words[2] == "LETTER" else {
            return nil
        }
        let letter = words[3]
        guard letter.count == 1 else { return nil }
        return letter.lowercased()
    }
}
