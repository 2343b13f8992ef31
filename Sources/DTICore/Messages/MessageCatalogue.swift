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
    /// The file's bytes, and where each key's texts are in them (after the key and its tab): a
    /// message's texts are cut out when it is asked for, so that reading the built-in catalogue,
    /// at every start of `dti`, is one pass over its bytes.
    private let bytes: [UInt8]
    private let texts: [String: Range<Int>]
    /// The keys in the order of the file.
    public let keys: [String]
    /// Each message's line, count of texts and whether its key was given before, in file order:
    /// what `problems` checks. Checking is left to whoever asks (the tests), so that reading the
    /// built-in catalogue, at every start of `dti`, costs no more than splitting it.
    private let rows: [(line: Int, key: String, repeated: Bool)]
    private let headerIsWrong: Bool

    /// A problem of the catalogue file, on its `line`.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var key: String
        public var message: String
        public var description: String { "messages.tsv:\(line): \(key): \(message)" }
    }

    /// The catalogue in `text`; what is wrong with it is in `problems`, the rest still usable.
    public init(parsing text: String) {
        let bytes = Array(text.utf8)
        var languages: [String] = []
        var texts: [String: Range<Int>] = [:]
        var keys: [String] = []
        var rows: [(line: Int, key: String, repeated: Bool)] = []
        var headerIsWrong = false
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = next }
            guard end > start, bytes[start] != UInt8(ascii: "#") else { continue }
            let tab = bytes[start..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
            let key = String(decoding: bytes[start..<tab], as: UTF8.self)
            let cells = tab < end ? tab + 1..<end : end..<end
            if languages.isEmpty {
                languages = Self.split(bytes[cells]).map { String(decoding: $0, as: UTF8.self) }
                headerIsWrong = key != "key" || tab == end
                continue
            }
            let repeated = texts[key] != nil
            rows.append((number, key, repeated))
            if repeated { continue }
            texts[key] = cells
            keys.append(key)
        }
        self.bytes = bytes
        self.languages = languages
        self.texts = texts
        self.keys = keys
        self.rows = rows
        self.headerIsWrong = headerIsWrong
    }

    /// The tab-separated cells of `line`.
    private static func split(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
    }

    /// `key`'s texts as written in the file (escapes read), one per cell; `nil` for no such key.
    private func cells(_ key: String) -> [String]? {
        guard let range = texts[key] else { return nil }
        return Self.split(bytes[range]).map { Self.unescaped(String(decoding: $0, as: UTF8.self)) }
    }

    /// What is wrong with the file: a cell left empty, placeholders that differ, a key twice.
    public var problems: [Problem] {
        var problems: [Problem] = []
        if headerIsWrong {
            problems.append(Problem(line: 1, key: "", message: "the first line names the columns: key, then a language code each"))
        }
        for (line, key, repeated) in rows {
            if repeated {
                problems.append(Problem(line: line, key: key, message: "the key is given twice"))
                continue
            }
            var row = cells(key) ?? []
            if row.count != languages.count {
                problems.append(
                    Problem(
                        line: line, key: key, message: "\(row.count) texts for \(languages.count) languages (\(languages.joined(separator: ", ")))"))
            }
            while row.count < languages.count { row.append("") }
            for (language, cell) in zip(languages, row) where cell.isEmpty {
                problems.append(Problem(line: line, key: key, message: "no \(language) text"))
            }
            let expected = Self.placeholders(in: row[0])
            for (language, cell) in zip(languages, row).dropFirst() where !cell.isEmpty && Self.placeholders(in: cell) != expected {
                let found = Self.placeholders(in: cell)
                problems.append(
                    Problem(
                        line: line, key: key,
                        message:
                            "the \(language) text has {\(found.sorted().joined(separator: "}, {"))}, the \(languages[0]) text {\(expected.sorted().joined(separator: "}, {"))}"
                    ))
            }
        }
        return problems
    }

    /// The catalogue compiled into `dti`.
    public static let builtIn = MessageCatalogue(parsing: String(decoding: PackageResources.messages_tsv, as: UTF8.self))

    /// `key`'s text in the language of column `index` as written, placeholders unfilled; the first
    /// language's when that cell is empty, the key itself when there is no such message.
    public func template(_ key: String, column index: Int) -> String {
        let texts = templates(key)
        return texts.indices.contains(index) ? texts[index] : key
    }

    /// `key`'s text in every language, placeholders unfilled (the first language's where a cell
    /// is empty; the key itself when there is no such message).
    public func templates(_ key: String) -> [String] {
        guard let row = cells(key), let first = row.first else { return Array(repeating: key, count: languages.count) }
        return languages.indices.map { row.indices.contains($0) && !row[$0].isEmpty ? row[$0] : first }
    }

    /// Whether the catalogue has `key`.
    public func contains(_ key: String) -> Bool { texts[key] != nil }

    /// The placeholders of `template`: the names between single braces.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        _ = fill(template) { name in
            names.insert(name)
            return ""
        }
        return names
    }

    /// `template` with each `{name}` replaced by `value(name)` and `{{`, `}}` by braces.
    public static func fill(_ template: String, _ value: (String) -> String) -> String {
        guard template.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return template }
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
        guard cell.utf8.contains(UInt8(ascii: "\\")) else { return cell }
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
