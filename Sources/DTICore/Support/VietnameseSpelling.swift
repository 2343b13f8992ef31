/// One placement of the tone mark in the rhymes oa, oe and uy at the end of a syllable, for every
/// name dti prints: on the first vowel ("Hòa", "Thanh Hóa", "Thủy"), as the official lists of
/// provinces write them (Resolution 202/2025/QH15: "tỉnh Khánh Hòa", "tỉnh Thanh Hóa"). The
/// list of communes writes the other placement ("Hoà", "Thuỷ"); one table would show both.
///
/// Only where the rhyme ends the syllable do the two placements differ ("hoàn", "toán" are the
/// same in both). After `q`, `u` belongs to the consonant ("quý"), and nothing moves. Input is
/// matched with diacritics folded, so either spelling finds the unit.
public enum VietnameseSpelling {
    /// `text` with the tone of a syllable-final oa, oe or uy on its first vowel.
    public static func toneOnFirstVowel(_ text: String) -> String {
        var characters = Array(text)
        var index = 1
        while index < characters.count {
            let second = characters[index]
            guard let (base, tone) = toned[second] else {
                index += 1
                continue
            }
            let first = characters[index - 1]
            let isFinal = index + 1 == characters.count || !characters[index + 1].isLetter
            let lowerFirst = Character(first.lowercased())
            let pairs = (lowerFirst == "o" && (base == "a" || base == "e")) || (lowerFirst == "u" && base == "y")
            let afterQ = index >= 2 && characters[index - 2].lowercased() == "q"
            if isFinal, pairs, !afterQ, let markedFirst = mark(first, tone: tone) {
                characters[index - 1] = markedFirst
                characters[index] = second.isUppercase ? Character(String(base).uppercased()) : base
            }
            index += 1
        }
        return String(characters)
    }

    /// The five tones (grave, acute, hook, tilde, dot) of the letters concerned, lower then upper case.
    private static let tones: [Character: [Character]] = [
        "a": ["à", "á", "ả", "ã", "ạ"], "e": ["è", "é", "ẻ", "ẽ", "ẹ"], "y": ["ỳ", "ý", "ỷ", "ỹ", "ỵ"],
        "o": ["ò", "ó", "ỏ", "õ", "ọ"], "u": ["ù", "ú", "ủ", "ũ", "ụ"],
        "A": ["À", "Á", "Ả", "Ã", "Ạ"], "E": ["È", "É", "Ẻ", "Ẽ", "Ẹ"], "Y": ["Ỳ", "Ý", "Ỷ", "Ỹ", "Ỵ"],
        "O": ["Ò", "Ó", "Ỏ", "Õ", "Ọ"], "U": ["Ù", "Ú", "Ủ", "Ũ", "Ụ"],
    ]

    /// A toned a, e or y (either case): its lower-case base and tone.
    private static let toned: [Character: (Character, Int)] = {
        var table: [Character: (Character, Int)] = [:]
        for base in ["a", "e", "y", "A", "E", "Y"] as [Character] {
            for (tone, character) in (tones[base] ?? []).enumerated() { table[character] = (Character(base.lowercased()), tone) }
        }
        return table
    }()

    /// `letter` (a plain o or u, either case) with `tone`; `nil` when it already has a mark.
    private static func mark(_ letter: Character, tone: Int) -> Character? {
        guard letter == "o" || letter == "u" || letter == "O" || letter == "U" else { return nil }
        return tones[letter]?[tone]
    }
}

extension AdministrativeUnit {
    /// The unit with its name and full name spelt with `VietnameseSpelling`'s tone placement.
    public func withOfficialToneMarks() -> AdministrativeUnit {
        var unit = self
        unit.name = VietnameseSpelling.toneOnFirstVowel(name)
        unit.fullName = VietnameseSpelling.toneOnFirstVowel(fullName)
        return unit
    }
}
