import DTICore

/// Reads indicator values from CSV in either documented layout, told apart by the header:
///
/// - long: `province,year,indicator,value[,source,note,status]`, one value per row;
/// - wide: `province,year,<indicator id>,<indicator id>,…[,source,note,status]`, one row per
///   province and year, one column per indicator, as spreadsheets are usually kept.
///
/// The delimiter (`,`, `;` or tab) is taken from the header line. Headers may be written in
/// Vietnamese (`tỉnh`, `năm`, `chỉ số`, `giá trị`, `nguồn`, `ghi chú`, `trạng thái`).
public enum CSVObservationReader {
    /// The layout a header describes.
    public enum Layout: String, Sendable {
        case long, wide
    }

    /// The columns with a fixed meaning.
    public enum Column: String, CaseIterable, Sendable {
        case province, year, indicator, value, source, note, status

        /// Accepted header spellings, folded (no diacritics, lower case).
        var spellings: [String] {
            switch self {
            case .province: ["province", "tinh", "tinh/thanh pho", "tinh thanh", "unit", "don vi"]
            case .year: ["year", "nam", "edition"]
            case .indicator: ["indicator", "chi so", "ma chi so"]
            case .value: ["value", "gia tri"]
            case .source: ["source", "nguon"]
            case .note: ["note", "ghi chu"]
            case .status: ["status", "trang thai"]
            }
        }

        static func named(_ header: String) -> Column? {
            let folded = TextFolding.fold(header)
            return allCases.first { $0.spellings.contains(folded) }
        }
    }

    /// Reads `text` (the decoded contents of `file`).
    public static func read(_ text: String, file: String, sha256: String? = nil, context: IngestContext) -> IngestResult {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil, line: Int?, column: Int? = nil) {
            diagnostics.append(Diagnostic(severity, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
        }

        let records: [CSVRecord]
        do {
            records = try CSVTable.parse(text, delimiter: CSVTable.detectDelimiter(in: text)).filter { !$0.isBlank }
        } catch {
            report(.error, error.message, hint: error.hint, line: error.line, column: error.column)
            return IngestResult(diagnostics: diagnostics)
        }
        guard let header = records.first else {
            report(.error, "the file has no header", hint: "start with the line province,year,indicator,value", line: nil)
            return IngestResult(diagnostics: diagnostics)
        }

        var columns: [Column: Int] = [:]
        var indicatorColumns: [(index: Int, cell: SourceCell)] = []
        var isUsable = true
        for (index, field) in header.fields.enumerated() {
            let name = field.text.trimmingWhitespace()
            if let column = Column.named(name) {
                if columns[column] != nil {
                    report(.error, "column '\(name)' appears twice", line: field.line, column: field.column)
                    isUsable = false
                }
                columns[column] = index
            } else if name.isEmpty {
                report(
                    .warning, "column \(index + 1) has no name and is ignored", hint: "name it or delete it", line: field.line, column: field.column)
            } else {
                indicatorColumns.append((index, SourceCell(name, line: field.line, column: field.column)))
            }
        }
        let layout: Layout = columns[.indicator] != nil || columns[.value] != nil ? .long : .wide
        var required: [Column] = layout == .long ? [.province, .indicator, .value] : [.province]
        if context.year == nil { required.insert(.year, at: 1) }
        for column in required where columns[column] == nil {
            report(
                .error, "the header has no '\(column.rawValue)' column",
                hint: column == .year
                    ? "add it, or give the edition with --year"
                    : "the header must be province,year,indicator,value (long) or province,year,<indicator ids> (wide)",
                line: header.line, column: 1)
            isUsable = false
        }
        if layout == .long {
            for extra in indicatorColumns {
                let suggestions = EditDistance.closest(to: extra.cell.text.lowercased(), among: Column.allCases.map(\.rawValue))
                report(
                    .warning, "column '\(extra.cell.text)' is not part of the long format and is ignored",
                    hint: suggestions.first.map { "did you mean '\($0)'?" }, line: extra.cell.line, column: extra.cell.column)
            }
        } else if indicatorColumns.isEmpty, isUsable {
            report(
                .error, "the header has neither 'indicator' and 'value' columns (long format) nor indicator columns (wide format)",
                hint: "see Documentation/DataFormats.md", line: header.line, column: 1)
            isUsable = false
        }
        guard isUsable else { return IngestResult(diagnostics: diagnostics) }

        var raws: [RawObservation] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                report(
                    .error, "this row has \(record.fields.count) cells but the header has \(header.fields.count)",
                    hint: "check for a missing or extra delimiter, or an unquoted delimiter inside a name", line: record.line)
                continue
            }
            func cell(_ column: Column) -> SourceCell? {
                columns[column].map { SourceCell(record.fields[$0].text, line: record.fields[$0].line, column: record.fields[$0].column) }
            }
            // The header check above guarantees the required columns; a row without them is skipped.
            guard let province = cell(.province) else { continue }
            switch layout {
            case .long:
                guard let indicator = cell(.indicator), let value = cell(.value) else { continue }
                raws.append(
                    RawObservation(
                        year: cell(.year), province: province, indicator: indicator, value: value,
                        source: cell(.source), note: cell(.note), status: cell(.status)))
            case .wide:
                for indicator in indicatorColumns {
                    let field = record.fields[indicator.index]
                    // An empty cell of a wide row is a value not given: nothing to check or store.
                    guard !field.text.trimmingWhitespace().isEmpty else { continue }
                    raws.append(
                        RawObservation(
                            year: cell(.year), province: province, indicator: indicator.cell,
                            value: SourceCell(field.text, line: field.line, column: field.column),
                            source: cell(.source), note: cell(.note), status: cell(.status)))
                }
            }
        }
        var result = ObservationBuilder.build(raws, file: file, sha256: sha256, context: context)
        // File order, so a reader can work down the file.
        result.diagnostics = (diagnostics + result.diagnostics).enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        return result
    }
}
