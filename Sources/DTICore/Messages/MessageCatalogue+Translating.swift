/// Text that another library writes in English (ArgumentParser's errors and help, the ZIP
/// reader's details), said in a language of the catalogue: each message of an area is a pattern
/// of that English, its placeholders standing for what varies, and its text in the language is
/// what replaces it. So the words of those libraries live in the catalogue with the rest, and a
/// third language translates them by its column too.
extension MessageCatalogue {
    /// `english` with every occurrence of a message of `area` (keys `area.…`, tried in the file's
    /// order) replaced by that message in `language`, the parts its placeholders matched kept. In an
    /// area whose name ends with `Heading`, a message is matched only at the start of a line; in
    /// one whose name ends with `Wrapped` (text a library has already wrapped to the terminal), a
    /// space of the pattern matches any run of spaces and line breaks, and a placeholder followed by
    /// more of the pattern matches across lines too.
    public func translating(_ english: String, area: String, into language: Language) -> String {
        guard language.column != 0 else { return english }
        var text = english
        for key in keys where key.hasPrefix(area + ".") {
            let pattern = template(key, column: 0)
            let names = Self.placeholderOrder(in: pattern)
            let source = Self.expression(for: pattern, atLineStart: area.hasSuffix("Heading"), acrossLines: area.hasSuffix("Wrapped"))
            guard let expression = try? Regex(source) else { continue }
            let replacement = template(key, column: language.column)
            text = text.replacing(expression) { match in
                var values: [String: String] = [:]
                for (index, name) in names.enumerated() where index + 1 < match.output.count {
                    values[name] = match.output[index + 1].substring.map(String.init) ?? ""
                }
                return Self.fill(replacement) { values[$0] ?? "" }
            }
        }
        return text
    }

    /// The placeholders of `template` in the order they appear (a name twice, twice).
    static func placeholderOrder(in template: String) -> [String] {
        var names: [String] = []
        _ = fill(template) { name in
            names.append(name)
            return ""
        }
        return names
    }

    /// A regular expression matching `template`'s English: its text literally, a placeholder
    /// between quotes as anything but a quote, any other as the rest of the line (across lines, as
    /// little as lets the rest match).
    static func expression(for template: String, atLineStart: Bool, acrossLines: Bool = false) -> String {
        var pattern = atLineStart ? "(?m)^" : ""
        var previous: Character?
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "{", next < template.endIndex, template[next] != "{", let close = template[next...].firstIndex(of: "}") {
                let isLast = template.index(after: close) == template.endIndex
                pattern += previous == "'" ? "([^']*)" : acrossLines && !isLast ? "([\\s\\S]*?)" : "(.*)"
                previous = nil
                index = template.index(after: close)
                continue
            }
            if (character == "{" || character == "}"), next < template.endIndex, template[next] == character {
                index = next
            }
            if acrossLines && character == " " {
                pattern += "\\s+"
            } else if character.isASCII && !character.isLetter && !character.isNumber && character != " " {
                pattern += "\\" + String(character)
            } else {
                pattern.append(character)
            }
            previous = character
            index = template.index(after: index)
        }
        return pattern
    }
}

extension Wording {
    /// Another library's English sentence in every language: translated by the catalogue's
    /// messages of `areas`, in that order (`MessageCatalogue.translating`).
    public static func translated(_ english: String, areas: [String]) -> Wording {
        Wording.same(english).map { text, language in
            areas.reduce(text) { MessageCatalogue.builtIn.translating($0, area: $1, into: language) }
        }
    }
}
