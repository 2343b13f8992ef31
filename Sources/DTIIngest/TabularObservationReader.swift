import DTICore

/// One row of a table, a CSV record or a sheet's row: its line (row) and its cells.
public struct TableRow: Sendable, Hashable {
    /// The line, or the sheet's row number.
    public var line: Int
    /// The cells in column order.
    public var cells: [SourceCell]

    /// Creates a row.
    public init(line: Int, cells: [SourceCell]) {
        self.line = line
        self.cells = cells
    }
}

/// Reads indicator values from a table (CSV or a sheet) in either documented layout, told apart by the header:
///
/// - long: `province,year,indicator,value[,source,note,status]`, one value per row;
/// - wide: `province,year,<indicator id>,<indicator id>,…[,source,note,status]`, one row per
///   province and year, one column per indicator, as spreadsheets are usually kept.
///
/// Headers may be written in Vietnamese (`tỉnh`, `năm`, `chỉ số`, `giá trị`, `nguồn`, `ghi chú`,
/// `trạng thái`). The template's descriptive columns (`name`, `measure`, `range`) are read past.
public enum TabularObservationReader {
    /// The layout a header describes.
    public enum Layout: String, Sendable {
        case long, wide
    }

    /// The columns with a fixed meaning.
    public enum Column: String, CaseIterable, Sendable {
        case province, year, indicator, value, source, note, status
        /// Descriptive columns of `dti template`, for the person filling it in: not read.
        case label, measure, range

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
            case .label: ["name", "indicator name", "ten", "ten chi so"]
            case .measure: ["measure", "unit of measure", "don vi tinh", "dvt"]
            case .range: ["range", "accepted range", "khoang hop le", "gioi han"]
            }
        }

        /// Whether the column is only there to help a person and is not read.
        var isDescriptive: Bool { [.label, .measure, .range].contains(self) }

        /// The column a header cell names, if any.
        public static func named(_ header: String) -> Column? {
            let folded = TextFolding.fold(header)
            return allCases.first { $0.spellings.contains(folded) }
        }
    }

    /// Reads `rows` (blank rows already left out) of `file`, on `sheet` for a workbook.
    public static func read(
        _ rows: [TableRow], file: String, sheet: String? = nil, sha256: String? = nil, context: IngestContext,
        diagnostics earlier: [Diagnostic] = []
    ) -> IngestResult {
        var budget = DiagnosticBudget()
        budget.add(contentsOf: earlier)
        func report(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil, line: Int?, column: Int? = nil) {
            budget.add(Diagnostic(severity, message, hint: hint, at: SourceLocation(file: file, line: line, column: column, sheet: sheet)))
        }
        guard let header = rows.first else {
            report(.error, "the file has no header", hint: "start with the line province,year,indicator,value", line: nil)
            return IngestResult(diagnostics: budget.diagnostics)
        }

        var columns: [Column: Int] = [:]
        var indicatorColumns: [(index: Int, cell: SourceCell)] = []
        var isUsable = true
        for (index, field) in header.cells.enumerated() {
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
        if layout == .wide, let descriptive = columns.keys.first(where: \.isDescriptive), let index = columns[descriptive] {
            report(
                .warning,
                "column '\(header.cells[index].text.trimmingWhitespace())' describes indicators, which a wide file has as columns; it is ignored",
                line: header.line, column: header.cells[index].column)
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
        guard isUsable else { return IngestResult(diagnostics: budget.diagnostics) }
        if rows.count == 1 {
            report(
                .error, "the file has a header but no values", hint: "add the rows of values, or check that this is the file you meant",
                line: header.line, column: 1)
            return IngestResult(diagnostics: budget.diagnostics)
        }

        var raws: [RawObservation] = []
        for record in rows.dropFirst() {
            guard record.cells.count == header.cells.count else {
                // Where the row parts from the header: its first extra cell, or its last cell.
                let column = record.cells.count > header.cells.count ? record.cells[header.cells.count].column : record.cells.last?.column
                report(
                    .error, "this row has \(record.cells.count) cells but the header has \(header.cells.count)",
                    hint: "check for a missing or extra delimiter, or an unquoted delimiter inside a name", line: record.line,
                    column: column)
                continue
            }
            func cell(_ column: Column) -> SourceCell? {
                columns[column].map { record.cells[$0] }
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
                    let field = record.cells[indicator.index]
                    // An empty cell of a wide row is a value not given: nothing to check or store.
                    guard !field.text.trimmingWhitespace().isEmpty else { continue }
                    raws.append(
                        RawObservation(
                            year: cell(.year), province: province, indicator: indicator.cell,
                            value: field,
                            source: cell(.source), note: cell(.note), status: cell(.status)))
                }
            }
        }
        var result = ObservationBuilder.build(raws, file: file, sheet: sheet, sha256: sha256, context: context)
        // File order, so a reader can work down the file; counts of what was left out come last.
        result.diagnostics = (budget.diagnostics + result.diagnostics).enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.line ?? Int.max, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.line ?? Int.max, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        return result
    }
}
