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
        // The letters of Vietnamese and the other Latin scripts come from a table made once: the
        // scalar's Unicode name, read below, is slow to look up for every letter of 10,000 names.
        if let folded = latinTable[scalar.value] { return folded }
        return slowBase(of: scalar)
    }

    /// Every scalar of Latin-1, Latin Extended-A and -B, and Latin Extended Additional (the
    /// Vietnamese letters with tone marks) folded once.
    private static let latinTable: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for range in [0x80...0x24F, 0x1E00...0x1EFF] {
            for value in range { if let scalar = Unicode.Scalar(UInt32(value)) { table[UInt32(value)] = slowBase(of: scalar) } }
        }
        return table
    }()

    /// `baseLetter(of:)` for a non-ASCII scalar, from its Unicode properties.
    private static func slowBase(of scalar: Unicode.Scalar) -> String {
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
