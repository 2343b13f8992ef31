import DTICore
import Foundation

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
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible, WordedError {
        public var diagnostics: [Diagnostic]

        public var description: String { wording.text(.en) }

        public var wording: Wording {
            Wording.same("").map { _, language in diagnostics.map { $0.description(in: language) }.joined(separator: "\n") }
        }
    }

    /// The parent columns, and the set each fixes (`nil`: decided from the codes).
    static let parentColumns: [(name: String, setID: String?)] = [
        ("parent", nil), ("parent_34", UnitRegistryLoader.units34), ("parent_63", UnitRegistryLoader.provinces63),
    ]

    /// The set `id`, labelled `label`, from the CSV `text` of `file`; parents are looked up in
    /// `registry`.
    public static func load(
        _ text: String, file: String, id: String, label: String, labelVI: String? = nil, registry: UnitRegistry,
        officialSpelling: Bool = false
    ) throws(Failure) -> UnitSet {
        try prepare(text, file: file, officialSpelling: officialSpelling).finish(id: id, label: label, labelVI: labelVI, registry: registry)
    }

    /// A unit file read and each of its lines checked on its own: all that needs no province
    /// list (`finish` does the rest with it).
    struct Prepared: Sendable {
        let file: String
        /// The header's parent column and the set it fixes (`nil`: decided from the codes).
        let parentSetID: String?
        /// The lines' readings, in shares of lines as they were read, in file order.
        let readings: [[RowReading]]
    }

    /// Reads `text` and checks its header and each line on its own; the parents, and what
    /// compares lines with each other, are checked by `Prepared.finish`.
    static func prepare(_ text: String, file: String, officialSpelling: Bool = false) throws(Failure) -> Prepared {
        var diagnostics: [Diagnostic] = []
        func error(_ key: String, _ message: Wording, hint: Wording? = nil, line: Int? = nil, column: Int? = nil) {
            diagnostics.append(
                Diagnostic(.error, "unit-file." + key, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
        }
        let records: [CSVRecord]
        do {
            records = try CSVTable.parse(text).filter { !$0.isBlank && !($0.fields.first?.text.hasPrefix("#") ?? false) }
        } catch {
            throw Failure(diagnostics: [
                Diagnostic(.error, error.key, error.message, hint: error.hint, at: SourceLocation(file: file, line: error.line, column: error.column))
            ])
        }
        guard let header = records.first else {
            throw Failure(diagnostics: [
                Diagnostic(
                    .error, "unit-file.empty", Messages.Ingest.unitFileIsEmpty,
                    hint: Messages.Ingest.startWithHeaderCodeName,
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
            let named = givenParents.map { "'\($0.name)'" }
            error(
                "parent-columns",
                Messages.Ingest.parentColumnsTwice(columns: Wording.list(named)),
                hint: Messages.Ingest.keepOneParentColumnParent, line: header.line,
                column: header.fields[second].column)
        }
        let parentColumn = givenParents.first
        for required in ["code", "name"] where columns[required] == nil {
            error(
                "column-missing", Messages.Ingest.headerHasNoColumn(required: required),
                hint: Messages.Ingest.headerMustBeCodeName,
                line: header.line, column: 1)
        }
        if parentColumn == nil {
            error(
                "column-missing", Messages.Ingest.headerHasNoParentColumn,
                hint: Messages.Ingest.addProvinceCodeOfEach,
                line: header.line, column: 1)
        }
        guard diagnostics.isEmpty, let parentColumn, let codeIndex = columns["code"], let nameIndex = columns["name"] else {
            throw Failure(diagnostics: diagnostics)
        }
        let rows = records.dropFirst()
        guard !rows.isEmpty else {
            throw Failure(diagnostics: [
                Diagnostic(
                    .error, "unit-file.no-units", Messages.Ingest.unitFileListsNoUnits,
                    hint: Messages.Ingest.giveOneUnitPerLine,
                    at: SourceLocation(file: file))
            ])
        }

        // Each row's own cells are checked on every core (about 20 ms for 10,000 lines on one);
        // what compares rows with each other, and the parents, come after, in `finish`.
        let rowList = Array(rows)
        let shareSize = 128
        let readings = ParallelMap.map((rowList.count + shareSize - 1) / shareSize, threads: ProcessInfo.processInfo.activeProcessorCount) {
            share in
            rowList[share * shareSize..<min(rowList.count, (share + 1) * shareSize)].map { row in
                RowReading(
                    row, file: file, codeIndex: codeIndex, nameIndex: nameIndex, parentIndex: columns[parentColumn.name], columns: columns,
                    officialSpelling: officialSpelling)
            }
        }
        return Prepared(file: file, parentSetID: parentColumn.setID, readings: readings)
    }
}

extension UnitFileLoader.Prepared {
    /// The set `id`, labelled `label`: the parents looked up in `registry` (the 34 or the 63,
    /// as the header says or the codes show), and the lines compared with each other.
    func finish(id: String, label: String, labelVI: String? = nil, registry: UnitRegistry) throws(UnitFileLoader.Failure) -> UnitSet {
        var diagnostics: [Diagnostic] = []
        func error(_ key: String, _ message: Wording, hint: Wording? = nil, line: Int? = nil, column: Int? = nil) {
            diagnostics.append(
                Diagnostic(.error, "unit-file." + key, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
        }
        // Which provinces the parents are.
        let parentSet = UnitFileLoader.parentSet(fixed: parentSetID, codes: readings.joined().map(\.parentCode), registry: registry)
        let lineCount = readings.reduce(0) { $0 + $1.count }
        // Room for every row at once: growing these one row at a time was a tenth of loading 10,000 units.
        var units: [AdministrativeUnit] = []
        units.reserveCapacity(lineCount)
        // Codes by their file-name part folded to lower case: the same code twice, or two that
        // differ only in case (one profile page on a disk that ignores case).
        var firstByPart: [String: (code: String, line: Int)] = [:]
        firstByPart.reserveCapacity(lineCount)
        // Where each unit's name is, and its folded name, for the checks across units below.
        var namePlaces: [(line: Int, column: Int)] = []
        var foldedNames: [String] = []
        var regions: [Region] = []
        for reading in readings.joined() {
            var rowIsGood = reading.problems.isEmpty
            if let problem = reading.codeProblem {
                diagnostics.append(problem)
                rowIsGood = false
            } else if let first = firstByPart[reading.partKey], first.code == reading.code {
                error(
                    "code-repeated",
                    Messages.Ingest.codeIsGivenTwiceFirst(readingCode: reading.code, firstLine: first.line),
                    hint: Messages.Ingest.giveEachUnitItsOwn,
                    line: reading.line, column: reading.codeColumn)
                rowIsGood = false
            } else if let first = firstByPart[reading.partKey] {
                error(
                    "code-case",
                    Messages.Ingest.codesLineAndDifferOnly(firstCode: first.code, firstLine: first.line, readingCode: reading.code),
                    hint: Messages.Ingest.giveUnitsCodesThatDiffer,
                    line: reading.line,
                    column: reading.codeColumn)
                rowIsGood = false
            } else {
                firstByPart[reading.partKey] = (reading.code, reading.line)
            }
            diagnostics += reading.problems
            if !reading.parentCode.isEmpty, parentSet.unit(code: reading.parentCode) == nil {
                error(
                    "parent-unknown",
                    Messages.Ingest.parentOfUnitIsNot(
                        parentText: reading.parentText, readingCode: reading.code, labelWording: parentSet.labelWording),
                    hint: Messages.Ingest.giveProvinceSCodeE(ninh: parentSet.unit(code: "24")?.name ?? "Bắc Ninh"),
                    line: reading.line, column: reading.parentColumn)
                rowIsGood = false
            }
            guard rowIsGood, let unit = reading.unit else { continue }
            if let region = reading.region, !regions.contains(where: { $0.id == region.id }) { regions.append(region) }
            namePlaces.append((reading.line, reading.nameColumn))
            foldedNames.append(reading.foldedName)
            units.append(unit)
        }
        let set = UnitSet(id: id, label: label, labelVI: labelVI, parentSetID: parentSet.id, units: units, regions: regions)
        // A name that is another unit's code would always be read as that code.
        for (unit, place) in zip(units, namePlaces) where unit.name != unit.code && set.unit(code: unit.name) != nil {
            error(
                "name-is-code",
                Messages.Ingest.nameOfUnitIsCode(unitName: unit.name, unitCode: unit.code),
                hint: Messages.Ingest.writeNameAsItIs, line: place.line, column: place.column)
        }
        // Two names of one province that differ only in case or spacing can never be told apart:
        // every reader of names ignores both. Names that differ in diacritics are told apart by
        // their exact spelling (the official list has such pairs: 'Văn Lăng' and 'Văn Lang',
        // 'Thạnh An' and 'Thanh An'), which `UnitMatcher` tries first.
        var firstOfFolded: [String: (name: String, line: Int)] = [:]
        firstOfFolded.reserveCapacity(units.count)
        for ((unit, place), key) in zip(zip(units, namePlaces), foldedNames) {
            guard let first = firstOfFolded[key] else {
                firstOfFolded[key] = (unit.name, place.line)
                continue
            }
            let province = parentSet.unit(code: unit.parentCode ?? "")?.name ?? (unit.parentCode ?? "")
            error(
                "name-repeated",
                first.name == unit.name
                    ? Messages.Ingest.unitNameTaken(name: unit.name, code: unit.code, province: province, line: first.line)
                    : Messages.Ingest.unitNameTakenButForCase(name: unit.name, code: unit.code, province: province, line: first.line),
                hint: Messages.Ingest.writeEachNameAsIt,
                line: place.line, column: place.column)
        }
        guard diagnostics.isEmpty else {
            throw UnitFileLoader.Failure(
                diagnostics: diagnostics.sorted {
                    ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
                })
        }
        return set
    }
}

extension UnitFileLoader {
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
    static func describe(_ scalar: Unicode.Scalar) -> Wording {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar {
        case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": return Messages.Ingest.lineBreak(code: code)
        case "\t": return Messages.Ingest.tab(code: code)
        case "\u{200E}", "\u{200F}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
            return Messages.Ingest.bidirectionalControl(code: code)
        default: return Messages.Ingest.controlCharacter(code: code)
        }
    }

    /// `name` with runs of spaces made one (and none at either end).
    static func spaced(_ name: String) -> String {
        // Most names need nothing: found by one pass over the bytes, without splitting.
        var previousWasSpace = true
        var clean = true
        for byte in name.utf8 {
            let isSpace = byte == UInt8(ascii: " ")
            if isSpace && previousWasSpace {
                clean = false
                break
            }
            previousWasSpace = isSpace
        }
        if clean && !previousWasSpace { return name }
        return name.split(separator: " ").joined(separator: " ")
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
        // Folded names are ASCII: their bytes are changed in place, one pass, no splitting.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(utf8)
            var atStart = true
            var last = -1
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: " ") {
                    atStart = true
                    continue
                }
                if atStart, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") { bytes[index] -= 0x20 }
                atStart = false
                last = index
            }
            // As the split and join it replaces: runs of spaces made one, none at either end.
            if !bytes.isEmpty, bytes.first != UInt8(ascii: " "), last == bytes.count - 1,
                !zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: " ") && $1 == UInt8(ascii: " ") })
            {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
