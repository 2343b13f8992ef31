import DTICore

/// Reads a unit file: the communes or districts a province ranks, as `code,name,parent` with
/// optional `full_name`, `name_en` and `region` columns. Every problem is reported with its
/// cell, all at once, so a file is fixed in one pass.
///
/// `parent` is the code of the unit's province, among the 34 units of 1 July 2025 or the 63
/// before: the 34 when every parent is one of them, else the 63 when every parent is one of
/// those. A file whose parents are codes of both sets with different meanings (24 is Bắc Ninh
/// among the 34, Bắc Giang among the 63) says which with the header `parent_34` or `parent_63`.
public enum UnitFileLoader {
    /// The file's problems (at least one error).
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var diagnostics: [Diagnostic]

        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// The parent columns, and the set each fixes (`nil`: decided from the codes).
    static let parentColumns: [(name: String, setID: String?)] = [
        ("parent", nil), ("parent_34", UnitRegistryLoader.units34), ("parent_63", UnitRegistryLoader.provinces63),
    ]

    /// The set `id`, labelled `label`, from the CSV `text` of `file`; parents are looked up in
    /// `registry`.
    public static func load(
        _ text: String, file: String, id: String, label: String, labelVI: String? = nil, registry: UnitRegistry
    ) throws(Failure) -> UnitSet {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, hint: String? = nil, line: Int? = nil, column: Int? = nil) {
            diagnostics.append(Diagnostic(.error, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
        }
        let records: [CSVRecord]
        do {
            records = try CSVTable.parse(text).filter { !$0.isBlank && !($0.fields.first?.text.hasPrefix("#") ?? false) }
        } catch {
            throw Failure(diagnostics: [
                Diagnostic(.error, error.message, hint: error.hint, at: SourceLocation(file: file, line: error.line, column: error.column))
            ])
        }
        guard let header = records.first else {
            throw Failure(diagnostics: [
                Diagnostic(
                    .error, "the unit file is empty", hint: "start with the header code,name,parent and give one unit per line",
                    at: SourceLocation(file: file))
            ])
        }
        var columns: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            let name = TextFolding.fold(field.text).replacingSpaces(with: "_")
            if columns[name] == nil { columns[name] = index }
        }
        let givenParents = parentColumns.filter { columns[$0.name] != nil }
        if givenParents.count > 1, let second = givenParents.dropFirst().first.flatMap({ columns[$0.name] }) {
            error(
                "the header has \(givenParents.map { "'\($0.name)'" }.joined(separator: " and ")) columns; dti would not know which to use",
                hint: "keep one parent column: 'parent_34' or 'parent_63' to say which provinces, else 'parent'", line: header.line,
                column: header.fields[second].column)
        }
        let parentColumn = givenParents.first
        for required in ["code", "name"] where columns[required] == nil {
            error(
                "the header has no '\(required)' column", hint: "the header must be code,name,parent (optional: full_name, name_en, region)",
                line: header.line, column: 1)
        }
        if parentColumn == nil {
            error(
                "the header has no 'parent' column",
                hint: "add the province code of each unit as 'parent' (or 'parent_34' / 'parent_63' to say which provinces)",
                line: header.line, column: 1)
        }
        guard diagnostics.isEmpty, let parentColumn, let codeIndex = columns["code"], let nameIndex = columns["name"] else {
            throw Failure(diagnostics: diagnostics)
        }
        let rows = records.dropFirst()
        guard !rows.isEmpty else {
            throw Failure(diagnostics: [
                Diagnostic(.error, "the unit file lists no units", hint: "give one unit per line after the header", at: SourceLocation(file: file))
            ])
        }

        func cell(_ index: Int?, _ row: CSVRecord) -> (text: String, column: Int) {
            guard let index, index < row.fields.count else { return ("", (row.fields.last?.column ?? 1)) }
            return (row.fields[index].text.trimmingWhitespace(), row.fields[index].column)
        }

        // Which provinces the parents are.
        let parentIndex = columns[parentColumn.name]
        let parentSet = parentSet(
            fixed: parentColumn.setID, codes: rows.map { normalisedParent(cell(parentIndex, $0).text) }, registry: registry)

        var units: [AdministrativeUnit] = []
        var firstLine: [String: Int] = [:]
        // Codes by their file-name part folded to lower case: two that differ only in case would
        // be one profile page on a disk that ignores case.
        var firstByPart: [String: (code: String, line: Int)] = [:]
        // Where each unit's name is, for messages about it.
        var namePlaces: [(line: Int, column: Int)] = []
        var regions: [Region] = []
        for row in rows {
            let code = cell(codeIndex, row)
            let name = cell(nameIndex, row)
            let parent = cell(parentIndex, row)
            var rowIsGood = true
            if code.text.isEmpty {
                error("the code is empty", hint: "give every unit a code", line: row.line, column: code.column)
                rowIsGood = false
            } else if code.text.contains(",") {
                error(
                    "the code '\(code.text)' contains a comma", hint: "codes are text without commas, e.g. 27001", line: row.line, column: code.column
                )
                rowIsGood = false
            } else if let scalar = Self.unsafeScalar(in: code.text) {
                error(
                    "the code '\(code.text)' holds \(Self.describe(scalar))",
                    hint: "remove it: a code is plain text on one line, such as 27001",
                    line: row.line, column: code.column)
                rowIsGood = false
            } else if code.text.count > Self.maxCodeLength {
                error(
                    "the code of unit '\(String(code.text.prefix(20)))…' has \(code.text.count) characters, more than the \(Self.maxCodeLength) a code may have",
                    hint: "codes are short, e.g. 27001", line: row.line, column: code.column)
                rowIsGood = false
            } else if let first = firstLine[code.text] {
                error(
                    "the code '\(code.text)' is given twice (first at line \(first))", hint: "give each unit its own code",
                    line: row.line, column: code.column)
                rowIsGood = false
            } else if let first = firstByPart[FileNamePart.encoded(code.text).lowercased()] {
                error(
                    "the codes '\(first.code)' (line \(first.line)) and '\(code.text)' differ only in case, so their report pages would be one file on a disk that ignores case",
                    hint: "give the units codes that differ in more than case", line: row.line, column: code.column)
                rowIsGood = false
            } else {
                firstLine[code.text] = row.line
                firstByPart[FileNamePart.encoded(code.text).lowercased()] = (code.text, row.line)
            }
            if name.text.isEmpty {
                error("the name of unit '\(code.text)' is empty", hint: "give every unit its name", line: row.line, column: name.column)
                rowIsGood = false
            } else if name.text.count > Self.maxNameLength {
                error(
                    "the name of unit '\(code.text)' has \(name.text.count) characters, more than the \(Self.maxNameLength) a name may have",
                    hint: "give the unit's name; a longer description has no place in a unit file", line: row.line, column: name.column)
                rowIsGood = false
            }
            for (label, field) in [
                ("name", name), ("full_name", cell(columns["full_name"], row)), ("name_en", cell(columns["name_en"], row)),
                ("region", cell(columns["region"], row)),
            ] {
                guard let scalar = Self.unsafeScalar(in: field.text) else { continue }
                error(
                    "the \(label) of unit '\(code.text)' holds \(Self.describe(scalar))",
                    hint: "remove it: such a character acts on a terminal or reorders what a reader sees (a name could show a false score)",
                    line: row.line, column: field.column)
                rowIsGood = false
            }
            let parentCode = normalisedParent(parent.text)
            if parent.text.isEmpty {
                error("unit '\(code.text)' has no parent", hint: "give the code of its province, e.g. 24", line: row.line, column: parent.column)
                rowIsGood = false
            } else if parentSet.unit(code: parentCode) == nil {
                error(
                    "the parent '\(parent.text)' of unit '\(code.text)' is not a province among the \(parentSet.label)",
                    hint: "give the province's code, e.g. 24 for \(parentSet.unit(code: "24")?.name ?? "Bắc Ninh"); 'dti provinces' lists them",
                    line: row.line, column: parent.column)
                rowIsGood = false
            }
            guard rowIsGood else { continue }
            let fullName = cell(columns["full_name"], row).text
            let nameEN = cell(columns["name_en"], row).text
            let regionName = cell(columns["region"], row).text
            var regionID: String?
            if !regionName.isEmpty {
                let id = TextFolding.fold(regionName).replacingSpaces(with: "-")
                if !regions.contains(where: { $0.id == id }) { regions.append(Region(id: id, nameVI: regionName, nameEN: regionName)) }
                regionID = id
            }
            namePlaces.append((row.line, name.column))
            units.append(
                AdministrativeUnit(
                    code: code.text, name: name.text, fullName: fullName.isEmpty ? name.text : fullName,
                    nameEN: nameEN.isEmpty ? TextFolding.fold(name.text).capitalisedWords : nameEN, regionID: regionID, parentCode: parentCode))
        }
        // A name that is another unit's code would always be read as that code.
        let codes = Set(units.map(\.code))
        for (unit, place) in zip(units, namePlaces) where unit.name != unit.code && codes.contains(unit.name) {
            error(
                "the name '\(unit.name)' of unit '\(unit.code)' is the code of another unit, so data naming it would be read as that unit",
                hint: "write the name as it is officially written, or change the other unit's code", line: place.line, column: place.column)
        }
        guard diagnostics.isEmpty else {
            throw Failure(
                diagnostics: diagnostics.sorted {
                    ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
                })
        }
        return UnitSet(id: id, label: label, labelVI: labelVI, parentSetID: parentSet.id, units: units, regions: regions)
    }

    /// The longest code: codes go into file names and onto every line of a ranking.
    static let maxCodeLength = 64
    /// The longest name: the longest official commune name has about 40 characters.
    static let maxNameLength = 200

    /// A character a code or name may not hold: one that acts on a terminal or reorders text, or
    /// a line break or tab (a quoted cell may hold one), which would split a line of any output.
    static func unsafeScalar(in text: String) -> Unicode.Scalar? {
        UnsafeCharacters.first(in: text) ?? text.unicodeScalars.first { $0 == "\n" || $0 == "\t" }
    }

    /// `a line break (U+000A)`, `the bidirectional control U+202E`, as messages name them.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar {
        case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": return "a line break (\(code))"
        case "\t": return "a tab (\(code))"
        case "\u{200E}", "\u{200F}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": return "the bidirectional control \(code)"
        default: return "the control character \(code)"
        }
    }

    /// `1` is `01`, as province codes are written.
    static func normalisedParent(_ text: String) -> String {
        text.count == 1 && text.allSatisfy(\.isASCIIDigit) ? "0" + text : text
    }

    /// The set the parent codes refer to: `fixed` when the header says, else the 34 units when
    /// every code is one of them, else the 63 when every code is one of those, else the 34 (and
    /// the codes that are not among them are errors).
    static func parentSet(fixed: String?, codes: [String], registry: UnitRegistry) -> UnitSet {
        let sets = [UnitRegistryLoader.units34, UnitRegistryLoader.provinces63].compactMap(registry.unitSet)
        if let fixed, let set = registry.unitSet(fixed) { return set }
        let given = codes.filter { !$0.isEmpty }
        return sets.first { set in given.allSatisfy { set.unit(code: $0) != nil } } ?? sets[0]
    }
}

extension String {
    /// The string with each space replaced by `separator` (`red river delta` → `red-river-delta`).
    func replacingSpaces(with separator: String) -> String {
        split(separator: " ").joined(separator: separator)
    }

    /// `Bac Ninh` from `bac ninh`: a folded name written as English names are.
    var capitalisedWords: String {
        split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
