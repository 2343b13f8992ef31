/// Every sentence `dti` says to a person, in every language it speaks, in one table: a row per
/// message, keyed by a stable id, with one column per language (`Sources/DTICore/Messages/messages.tsv`,
/// compiled into the binary). A language is a column: adding one is adding its column.
///
/// The file is tab-separated, UTF-8, one message per line: `key<TAB>text<TAB>text…`, the first
/// line naming the columns (`key`, then language codes, English first, which is also what a
/// missing cell falls back to). Blank lines and lines starting with `#` group and explain.
/// In a text, `{name}` is a placeholder the code fills, `{{` and `}}` are braces, and `\n`, `\t`
/// and `\\` are a line break, a tab and a backslash. Every language's text of a message has the
/// same placeholders: `problems` says where one does not.
public struct MessageCatalogue: Sendable {
    /// The language codes, in the file's column order.
    public let languages: [String]
    /// Each key's texts, one per language, in column order.
    private let texts: [String: [String]]
    /// The keys in the order of the file.
    public let keys: [String]
    /// What is wrong with the file: a cell left empty, placeholders that differ, a key twice.
    public let problems: [Problem]

    /// A problem of the catalogue file, on its `line`.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var key: String
        public var message: String
        public var description: String { "messages.tsv:\(line): \(key): \(message)" }
    }

    /// The catalogue in `text`; what is wrong with it is in `problems`, the rest still usable.
    public init(parsing text: String) {
        var languages: [String] = []
        var texts: [String: [String]] = [:]
        var keys: [String] = []
        var problems: [Problem] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if languages.isEmpty {
                languages = Array(cells.dropFirst())
                if cells.first != "key" || languages.isEmpty {
                    problems.append(Problem(line: index + 1, key: "", message: "the first line names the columns: key, then a language code each"))
                }
                continue
            }
            let key = cells[0]
            var row = Array(cells.dropFirst().prefix(languages.count)).map(Self.unescaped)
            if cells.count - 1 != languages.count {
                problems.append(
                    Problem(
                        line: index + 1, key: key,
                        message: "\(cells.count - 1) texts for \(languages.count) languages (\(languages.joined(separator: ", ")))"))
            }
            while row.count < languages.count { row.append("") }
            for (language, cell) in zip(languages, row) where cell.isEmpty {
                problems.append(Problem(line: index + 1, key: key, message: "no \(language) text"))
            }
            let expected = Self.placeholders(in: row[0])
            for (language, cell) in zip(languages, row).dropFirst() where !cell.isEmpty && Self.placeholders(in: cell) != expected {
                let found = Self.placeholders(in: cell)
                problems.append(
                    Problem(
                        line: index + 1, key: key,
                        message:
                            "the \(language) text has {\(found.sorted().joined(separator: "}, {"))}, the \(languages[0]) text {\(expected.sorted().joined(separator: "}, {"))}"
                    ))
            }
            if texts[key] != nil {
                problems.append(Problem(line: index + 1, key: key, message: "the key is given twice"))
                continue
            }
            texts[key] = row
            keys.append(key)
        }
        self.languages = languages
        self.texts = texts
        self.keys = keys
        self.problems = problems
    }

    /// The catalogue compiled into `dti`.
    public static let builtIn = MessageCatalogue(parsing: String(decoding: PackageResources.messages_tsv, as: UTF8.self))

    /// `key`'s text in the language of column `index` as written, placeholders unfilled; the first
    /// language's when that cell is empty, the key itself when there is no such message.
    public func template(_ key: String, column index: Int) -> String {
        guard let row = texts[key] else { return key }
        return row.indices.contains(index) && !row[index].isEmpty ? row[index] : row[0]
    }

    /// Whether the catalogue has `key`.
    public func contains(_ key: String) -> Bool { texts[key] != nil }

    /// The placeholders of `template`: the names between single braces.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        fill(template) { name in
            names.insert(name)
            return ""
        }
        return names
    }

    /// `template` with each `{name}` replaced by `value(name)` and `{{`, `}}` by braces.
    public static func fill(_ template: String, _ value: (String) -> String) -> String {
        guard template.contains("{") || template.contains("}") else { return template }
        var result = ""
        var rest = template[...]
        while let brace = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            result += rest[..<brace]
            let after = rest.index(after: brace)
            if after < rest.endIndex, rest[after] == rest[brace] {
                result.append(rest[brace])
                rest = rest[rest.index(after: after)...]
            } else if rest[brace] == "{", let close = rest[after...].firstIndex(of: "}") {
                result += value(String(rest[after..<close]))
                rest = rest[rest.index(after: close)...]
            } else {
                result.append(rest[brace])
                rest = rest[after...]
            }
        }
        return result + rest
    }

    /// A cell's text with `\n`, `\t` and `\\` read.
    static func unescaped(_ cell: String) -> String {
        guard cell.contains("\\") else { return cell }
        var result = ""
        var escaping = false
        for character in cell {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
