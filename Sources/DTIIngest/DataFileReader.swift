import DTICore

/// The one entry point for data files: bytes in, checked observations and every problem out.
/// Picks the reader from the content (a workbook, XML or CSV), decodes the text, fingerprints the
/// bytes, and runs the checks that span files.
public enum DataFileReader {
    /// The text formats a data file can be in (a workbook is told apart by its bytes first).
    public enum Format: String, Sendable {
        case csv, xml
    }

    /// Reads one file's bytes; a value given twice in the file is reported like one given in two files.
    public static func read(_ bytes: [UInt8], file: String, context: IngestContext) -> IngestResult {
        var result = IngestResult()
        do {
            result.diagnostics = try stream(ByteArraySource(bytes), file: file, context: context) { result.observations += $0 }
        } catch {
            // An array source and this sink never fail.
        }
        return IngestResult.combining([result])
    }

    /// Reads one file from `source`, gives the values that pass to `sink` a batch at a time, in
    /// file order, and returns every problem found in the file, in file order. CSV in UTF-8 is
    /// read a record at a time, in bounded memory; XML, workbooks and UTF-16 text are read whole,
    /// within their own limits. Throws only what the source or the sink throws.
    public static func stream<Source: ByteSource>(
        _ source: Source, file: String, context: IngestContext, sink: ([Observation]) throws -> Void
    ) throws -> [Diagnostic] {
        var given = 0
        let diagnostics = try streamEachFormat(source, file: file, context: context) { batch in
            given += batch.count
            try sink(batch)
        }
        guard given == 0, !diagnostics.hasErrors else { return diagnostics }
        return [noValues(file: file, diagnostics: diagnostics)] + diagnostics.filter { !$0.isEmptyCell && $0.key != "template.row-missing" }
    }

    /// The error for a file that is read without fault but gives no value at all (a blank
    /// template): at the first empty value cell, which names the empty column, or at the file.
    static func noValues(file: String, diagnostics: [Diagnostic]) -> Diagnostic {
        let emptyCells = diagnostics.filter(\.isEmptyCell)
        guard let first = emptyCells.first?.location else {
            return Diagnostic(
                .error, "file.no-values",
                Messages.Ingest.fileGivesNoValuesEvery,
                hint: Messages.Ingest.fillInValuesOrCheck, at: SourceLocation(file: file))
        }
        // A sheet names the column by its letter; in a text file the location points at the cell.
        let column = first.sheet == nil ? "" : first.column.map { " (\(SourceLocation.columnLetters($0)))" } ?? ""
        let cells = emptyCells.reduce(0) { $0 + $1.occurrences }
        return Diagnostic(
            .error, "file.no-values",
            Messages.Ingest.fileGivesNoValuesIts(column: column, cells: GroupedCount(cells)),
            hint: Messages.Ingest.fillInValuesOrCheck, at: first)
    }

    private static func streamEachFormat<Source: ByteSource>(
        _ source: Source, file: String, context: IngestContext, sink: ([Observation]) throws -> Void
    ) throws -> [Diagnostic] {
        var source = source
        var head: [UInt8] = []
        while head.count < 1 << 16, try source.read(into: &head, maximum: (1 << 16) - head.count) > 0 {}
        try source.rewind()
        let isUTF16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        guard isWorkbook(head, file: file) || isUTF16 || startsLikeXML(head, file: file) else {
            return try CSVObservationReader.stream(source, file: file, context: context, sink: sink)
        }
        let result = readWhole(try source.readAll(), file: file, context: context)
        for start in stride(from: 0, to: result.observations.count, by: TabularObservationReader.batchSize) {
            try sink(Array(result.observations[start..<min(start + TabularObservationReader.batchSize, result.observations.count)]))
        }
        return result.diagnostics
    }

    /// Whether a UTF-8 file is XML from its first bytes: `<` first after a byte-order mark and
    /// blanks, or a name ending in `.xml`.
    static func startsLikeXML(_ head: [UInt8], file: String) -> Bool {
        if file.lowercased().hasSuffix(".xml") { return true }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "<")
    }

    private static func readWhole(_ bytes: [UInt8], file: String, context: IngestContext) -> IngestResult {
        let sha256 = SHA256.hex(bytes)
        if isWorkbook(bytes, file: file) {
            return SpreadsheetObservationReader.read(bytes, file: file, sha256: sha256, context: context)
        }
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes, file: file) {
        case let .success(text): decoded = text
        case let .failure(failure): return IngestResult(diagnostics: [failure.diagnostic])
        }
        switch format(of: decoded.text, file: file) {
        case .xml: return XMLObservationReader.read(decoded.text, file: file, sha256: sha256, context: context)
        case .csv: return CSVObservationReader.read(decoded.text, file: file, sha256: sha256, context: context)
        }
    }

    /// Reads several files and adds the checks across them: the same value given twice, and a
    /// main indicator given both directly and through its components.
    public static func readAll(_ files: [(name: String, bytes: [UInt8])], context: IngestContext) -> IngestResult {
        var combined = IngestResult.combining(files.map { read($0.bytes, file: $0.name, context: context) })
        combined.diagnostics += ComponentOverlap.diagnostics(combined.observations, context: context)
        return combined
    }

    /// A workbook: a ZIP archive or an OLE compound file (an old `.xls` or an encrypted workbook,
    /// which the workbook reader names), or a name ending in `.xlsx`, `.xlsm` or `.xls`.
    public static func isWorkbook(_ bytes: [UInt8], file: String) -> Bool {
        let name = file.lowercased()
        if name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") || name.hasSuffix(".xls") { return true }
        return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// XML when the text starts with `<` (after a byte-order mark and blanks), or the name ends
    /// in `.xml`; CSV otherwise.
    public static func format(of text: String, file: String) -> Format {
        if file.lowercased().hasSuffix(".xml") { return .xml }
        let first = text.first { $0 != "\u{FEFF}" && !$0.isWhitespace }
        return first == "<" ? .xml : .csv
    }
}

/// Reports a main indicator given both directly and through components for the same unit and
/// edition. The given main value wins (it is what was assessed); the components are ignored, and
/// scoring flags the row the same way.
public enum ComponentOverlap {
    /// Whether any of the entries given for each edition is a main indicator scored from
    /// components: only then can a unit give one both ways, so the check of every unit's values
    /// can be left out otherwise (a file of components only, as a national commune file is).
    public static func isPossible(_ entriesByYear: [Int: Set<String>], context: IngestContext) -> Bool {
        entriesByYear.contains { year, entries in
            guard let edition = try? context.edition(for: year), let catalogue = context.catalogues[edition.framework] else { return false }
            return entries.contains { id in catalogue.node(id)?.kind == .indicator && !catalogue.components(of: id).isEmpty }
        }
    }

    public static func diagnostics(_ observations: [Observation], context: IngestContext) -> [Diagnostic] {
        var mains: [ObservationKey: Observation] = [:]
        var components: [ObservationKey: [Observation]] = [:]
        for observation in observations {
            guard let edition = try? context.edition(for: observation.year),
                let catalogue = context.catalogues[edition.framework],
                let node = catalogue.node(observation.indicatorID)
            else { continue }
            switch node.kind {
            case .indicator where catalogue.components(of: node.id).isEmpty == false:
                mains[observation.key] = observation
            case .component:
                var parent = observation.key
                parent.indicatorID = node.countsIn.first ?? ""
                components[parent, default: []].append(observation)
            default:
                break
            }
        }
        return mains.keys.sorted().compactMap { key -> Diagnostic? in
            guard let main = mains[key], let parts = components[key], let first = parts.first else { return nil }
            return Diagnostic(
                .warning, "indicator.given-twice",
                parts.count == 1
                    ? Messages.Ingest.givenTwiceOne(
                        indicator: key.indicatorID, unit: key.unitCode, year: key.year, first: first.provenance.lineLocation)
                    : Messages.Ingest.givenTwice(
                        indicator: key.indicatorID, unit: key.unitCode, year: key.year, count: parts.count, first: first.provenance.lineLocation),
                hint: Messages.Ingest.removeMainIndicatorValueTo,
                at: main.provenance.location)
        }
    }
}

extension Diagnostic {
    /// The note of an empty value cell left missing (or the count of more such notes): one per
    /// cell of a sparse file, so `validate` shows them only with `--notes`.
    public var isEmptyCellNote: Bool {
        severity == .note && key == "value.empty"
    }

    /// An empty value cell's note, or its warning in a template.
    public var isEmptyCell: Bool {
        key == "value.empty" || key == "template.value-empty"
    }
}
