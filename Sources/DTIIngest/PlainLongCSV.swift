import DTICore

/// The fast path of the CSV reader for the file a national import brings: the long layout
/// `unit,year,indicator,value` in printable ASCII, `,` between fields, no quotes, no comments,
/// no blank or short rows, every value a plain decimal (`0.5294`) in its entry's range. Such a
/// file cannot give a diagnostic, so it is read from its bytes: each distinct unit, edition and
/// indicator is checked once, as `ObservationBuilder` checks a row's cells, and each value is read
/// from its digits (to the same double as `Double(text)`: the digits make an integer below 2^53
/// divided by an exact power of ten, which IEEE division rounds correctly).
///
/// Two passes, as the full reader makes: the first checks every row and takes the file's
/// SHA-256, the second hands the values on a batch at a time. At the first thing it does not
/// handle, the first pass gives up and the full reader reads the file from its start, so every
/// diagnostic is exactly the full reader's; nothing is handed on before the whole file passed.
enum PlainLongCSV {
    /// What one distinct year cell stands for.
    /// A class, so that handing one on per line costs a reference, not a copy of a catalogue
    /// and a unit set (a fifth of a 10 M import's time, measured).
    private final class EditionOfYear {
        let year: Int
        let catalogue: IndicatorCatalogue
        let unitSet: UnitSet

        init(year: Int, catalogue: IndicatorCatalogue, unitSet: UnitSet) {
            self.year = year
            self.catalogue = catalogue
            self.unitSet = unitSet
        }
    }

    /// What one distinct indicator cell of a framework stands for: the entry, and the range a
    /// plain value must lie in to pass the full reader's checks.
    private struct EntryOfCell {
        var id: String
        var range: ClosedRange<Double>
    }

    /// What the second pass found for the line before.
    private struct Memo {
        var edition: (text: String, edition: EditionOfYear)?
        var unit: (text: String, code: String)?
    }

    /// The memo of the first pass, read by the second.
    private struct Checked {
        var editions: [String: EditionOfYear] = [:]
        var units: [String: [String: String]] = [:]
        var entries: [String: [String: EntryOfCell]] = [:]
        /// The positions of unit, year, indicator and value among the four fields.
        var positions = (unit: 0, year: 1, indicator: 2, value: 3)
        var rows = 0
        var sha256 = ""
        /// The year and unit of the line before, as read, and what they were found to be.
        var lastEdition: (text: String, edition: EditionOfYear)?
        var lastUnit: (text: String, setID: String)?
    }

    private static let chunkSize = 1 << 20

    /// Reads `source` the fast way and returns no diagnostics, or returns `nil`, having handed
    /// nothing on, when the file needs the full reader (`source` is then rewound).
    static func stream<Source: ByteSource>(
        _ source: inout Source, file: String, context: IngestContext, sink: ([Observation]) throws -> Void
    ) throws -> [Diagnostic]? {
        guard context.year == nil, context.template == nil, context.decimal == nil || context.decimal == .point else { return nil }
        var builder = ObservationBuilder(file: file, context: context, mark: .point)
        var checked = Checked()
        let hasher = BackgroundHasher()
        let passed = try lines(of: &source, hash: hasher.update) { line, fields in
            check(line: line, fields: fields, file: file, context: context, builder: &builder, checked: &checked)
        }
        try source.rewind()
        guard passed, checked.rows > 0 else { return nil }
        checked.sha256 = hasher.hexDigest()

        var batch: [Observation] = []
        batch.reserveCapacity(TabularObservationReader.batchSize)
        var changed = false
        var memo = Memo()
        _ = try lines(of: &source, hash: { _ in }) { line, fields in
            guard line > 1 else { return true }
            guard let observation = observation(line: line, fields: fields, file: file, checked: checked, memo: &memo) else {
                changed = true
                return false
            }
            batch.append(observation)
            if batch.count == TabularObservationReader.batchSize {
                try sink(batch)
                batch.removeAll(keepingCapacity: true)
            }
            return true
        }
        if changed {
            return [
                Diagnostic(
                    .error, "file.changed", Messages.Ingest.fileChangedWhileItWas,
                    hint: Messages.Ingest.readItAgainOnceIt, at: SourceLocation(file: file))
            ]
        }
        if !batch.isEmpty { try sink(batch) }
        return []
    }

    /// Checks one line (the header first); false gives up.
    private static func check(
        line: Int, fields: [ArraySlice<UInt8>], file: String, context: IngestContext, builder: inout ObservationBuilder, checked: inout Checked
    ) -> Bool {
        guard fields.count == 4 else { return false }
        guard line > 1 else { return header(fields, file: file, context: context, checked: &checked) }
        let positions = checked.positions
        let yearText = String(decoding: fields[positions.year], as: UTF8.self)
        let edition: EditionOfYear
        if let last = checked.lastEdition, last.text == yearText {
            edition = last.edition
        } else if let known = checked.editions[yearText] {
            edition = known
        } else {
            guard let year = Int(yearText), let found = try? context.edition(for: year), let catalogue = context.catalogues[found.framework],
                let unitSet = context.registry.unitSet(found.unitSet)
            else { return false }
            edition = EditionOfYear(year: year, catalogue: catalogue, unitSet: unitSet)
            checked.editions[yearText] = edition
        }
        checked.lastEdition = (yearText, edition)
        let unitText = String(decoding: fields[positions.unit], as: UTF8.self)
        // A file lists a unit's values together: the unit of the line before is asked first.
        if let last = checked.lastUnit, last.text == unitText, last.setID == edition.unitSet.id {
        } else if checked.units[edition.unitSet.id]?[unitText] == nil {
            guard let unit = builder.unit(named: unitText, in: edition.unitSet) else { return false }
            checked.units[edition.unitSet.id, default: [:]][unitText] = unit.code
        }
        checked.lastUnit = (unitText, edition.unitSet.id)
        let indicatorText = String(decoding: fields[positions.indicator], as: UTF8.self)
        let framework = edition.catalogue.framework
        let entry: EntryOfCell
        if let known = checked.entries[framework]?[indicatorText] {
            entry = known
        } else {
            let catalogue = edition.catalogue
            guard let node = catalogue.node(indicatorText) ?? catalogue.node(indicatorText.lowercased()), node.kind != .index else { return false }
            // A yes/half/no component reads words too: left to the full reader.
            if let scoring = node.scoring {
                guard scoring.measure != .yesHalfNo else { return false }
                entry = EntryOfCell(id: node.id, range: scoring.range)
            } else {
                entry = EntryOfCell(id: node.id, range: 0...1)
            }
            checked.entries[framework, default: [:]][indicatorText] = entry
        }
        guard let value = plainDecimal(fields[positions.value]), entry.range.contains(value) else { return false }
        checked.rows += 1
        return true
    }

    /// Whether the header is exactly the four columns of the long layout, in any order.
    private static func header(_ fields: [ArraySlice<UInt8>], file: String, context: IngestContext, checked: inout Checked) -> Bool {
        var column = 1
        var cells: [SourceCell] = []
        for field in fields {
            cells.append(SourceCell(String(decoding: field, as: UTF8.self), line: 1, column: column))
            column += field.count + 1
        }
        var budget = DiagnosticBudget()
        guard
            let table = TabularObservationReader.table(
                header: TableRow(line: 1, cells: cells), rowCount: 1, file: file, context: context, budget: &budget),
            budget.diagnostics.isEmpty, table.layout == .long, table.indicatorColumns.isEmpty,
            let unit = table.columns[.province], let year = table.columns[.year], let indicator = table.columns[.indicator],
            let value = table.columns[.value], table.columns.count == 4
        else { return false }
        checked.positions = (unit, year, indicator, value)
        return true
    }

    /// The observation of a line the first pass checked; `nil` if the line is not what it was.
    private static func observation(line: Int, fields: [ArraySlice<UInt8>], file: String, checked: Checked, memo: inout Memo) -> Observation? {
        let positions = checked.positions
        guard fields.count == 4 else { return nil }
        // The year and unit of the line before are compared first: they change every hundred lines.
        let yearText = String(decoding: fields[positions.year], as: UTF8.self)
        let edition: EditionOfYear
        if let last = memo.edition, last.text == yearText {
            edition = last.edition
        } else {
            guard let found = checked.editions[yearText] else { return nil }
            edition = found
            memo.edition = (yearText, found)
            memo.unit = nil
        }
        let unitText = String(decoding: fields[positions.unit], as: UTF8.self)
        let unitCode: String
        if let last = memo.unit, last.text == unitText {
            unitCode = last.code
        } else {
            guard let found = checked.units[edition.unitSet.id]?[unitText] else { return nil }
            unitCode = found
            memo.unit = (unitText, found)
        }
        guard let entry = checked.entries[edition.catalogue.framework]?[String(decoding: fields[positions.indicator], as: UTF8.self)],
            let value = plainDecimal(fields[positions.value]), entry.range.contains(value)
        else { return nil }
        // The value's column: the characters before it (all ASCII) and the commas, 1-based.
        var column = 1
        for index in 0..<positions.value { column += fields[index].count + 1 }
        return Observation(
            unitSetID: edition.unitSet.dataSetID, year: edition.year, unitCode: unitCode, indicatorID: entry.id, value: value,
            provenance: Provenance(file: file, line: line, column: column, sha256: checked.sha256))
    }

    /// Exact powers of ten up to 10^15, each a double without rounding.
    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The value of a plain decimal as `NumberReading.plainDecimal` takes one (digits, one point,
    /// digits on both sides, not three after it, at most 15 in all), or `nil` for anything else.
    static func plainDecimal(_ bytes: ArraySlice<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var before = 0
        var after = 0
        var seenPoint = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                if seenPoint { after += 1 } else { before += 1 }
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard seenPoint, before > 0, after > 0, after != 3, before + after <= 15 else { return nil }
        return Double(mantissa) / powersOfTen[after]
    }

    /// Hands each line of `source` (1-based number, fields split at `,`) to `body` until it returns
    /// false; false when a line is not plain (a byte outside printable ASCII, a quote, a comment,
    /// an empty line) or `body` gave up. Every byte read goes to `hash`, in order.
    private static func lines<Source: ByteSource>(
        of source: inout Source, hash: (ArraySlice<UInt8>) -> Void, _ body: (_ line: Int, _ fields: [ArraySlice<UInt8>]) throws -> Bool
    ) throws -> Bool {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize * 2)
        var start = 0
        var line = 0
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(8)
        var ended = false
        while !ended {
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let before = buffer.count
            let count = try source.read(into: &buffer, maximum: chunkSize)
            if count == 0 {
                ended = true
                // The last line may have no line end.
                if buffer.isEmpty { break }
                buffer.append(0x0A)
            } else {
                hash(buffer[before...])
            }
            var index = start
            var fieldStart = start
            fields.removeAll(keepingCapacity: true)
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x2C {
                    fields.append(buffer[fieldStart..<index])
                    fieldStart = index + 1
                } else if byte == 0x0A {
                    var end = index
                    if end > fieldStart, buffer[end - 1] == 0x0D { end -= 1 }
                    fields.append(buffer[fieldStart..<end])
                    line += 1
                    guard end > start, buffer[start] != 0x23 else { return false }
                    for field in fields {
                        guard !field.isEmpty, field.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x0D }) else { return false }
                    }
                    guard try body(line, fields) else { return false }
                    fields.removeAll(keepingCapacity: true)
                    start = index + 1
                    fieldStart = start
                }
                index += 1
            }
        }
        return true
    }
}
