/// Sorting in Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
/// v x y, letters first, tones (ngang, huyền, hỏi, ngã, sắc, nặng) only to break ties, so "Đà
/// Nẵng" sorts after every "D…" and "Bắc Giang" after "Bạc Liêu" as Vietnamese readers expect.
///
/// Works from Unicode scalar names, so NFC and NFD spellings sort alike, without Foundation.
public enum VietnameseOrder {
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q",
        "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let tones = ["GRAVE": 1, "HOOK ABOVE": 2, "TILDE": 3, "ACUTE": 4, "DOT BELOW": 5]

    /// Whether `lhs` comes before `rhs`.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        precedes((lhs, key(lhs)), (rhs, key(rhs)))
    }

    /// `items` in the Vietnamese order of `name(item)`, each name's key worked out once (not
    /// once per comparison: sorting the 3,321 communes took a second that way).
    public static func sorted<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
        let keyed = items.map { item in (item: item, name: name(item), key: key(name(item))) }
        return keyed.sorted { precedes(($0.name, $0.key), ($1.name, $1.key)) }.map(\.item)
    }

    private static func precedes(
        _ lhs: (text: String, key: (letters: [Int], tones: [Int])), _ rhs: (text: String, key: (letters: [Int], tones: [Int]))
    ) -> Bool {
        if lhs.key.letters != rhs.key.letters { return lhs.key.letters.lexicographicallyPrecedes(rhs.key.letters) }
        if lhs.key.tones != rhs.key.tones { return lhs.key.tones.lexicographicallyPrecedes(rhs.key.tones) }
        return lhs.text < rhs.text
    }

    /// Letter positions, then tones, of `text`.
    static func key(_ text: String) -> (letters: [Int], tones: [Int]) {
        var letters: [Int] = []
        var toneMarks: [Int] = []
        var modifier: [String] = []  // BREVE, CIRCUMFLEX, HORN, STROKE of the current letter
        var base: String?
        var tone = 0
        func flush() {
            guard let letter = base else { return }
            var symbol = letter
            switch (letter, modifier.first) {
            case ("a", "BREVE"): symbol = "ă"
            case ("a", "CIRCUMFLEX"), ("e", "CIRCUMFLEX"), ("o", "CIRCUMFLEX"):
                symbol = letter == "a" ? "â" : letter == "e" ? "ê" : "ô"
            case ("o", "HORN"): symbol = "ơ"
            case ("u", "HORN"): symbol = "ư"
            case ("d", "STROKE"): symbol = "đ"
            default: break
            }
            letters.append(alphabet.firstIndex(of: symbol).map { $0 + 100 } ?? Int(symbol.unicodeScalars.first?.value ?? 0))
            toneMarks.append(tone)
            base = nil
            modifier = []
            tone = 0
        }
        for scalar in text.unicodeScalars {
            let name = scalar.properties.name ?? ""
            if name.hasPrefix("COMBINING ") {
                let mark = String(name.dropFirst("COMBINING ".count))
                if let value = tones[mark] { tone = value } else { modifier.append(mark) }
                continue
            }
            flush()
            let words = name.split(separator: " ").map(String.init)
            if words.count >= 4, words[0] == "LATIN", words[2] == "LETTER", words[3].count == 1 {
                base = words[3].lowercased()
                if let with = words.firstIndex(of: "WITH") {
                    let marks = words[(with + 1)...].split(separator: "AND").map { $0.joined(separator: " ") }
                    for mark in marks {
                        if let value = tones[mark] { tone = value } else { modifier.append(mark) }
                    }
                }
            } else {
                letters.append(scalar == " " ? 0 : Int(scalar.value) + 1000)
                toneMarks.append(0)
            }
        }
        flush()
        return (letters, toneMarks)
    }
}
