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

        /// The column's Vietnamese heading, as `dti template --lang vi` writes it.
        public var vietnameseName: String {
            switch self {
            case .province: "Tỉnh"
            case .year: "Năm"
            case .indicator: "Chỉ số"
            case .value: "Giá trị"
            case .source: "Nguồn"
            case .note: "Ghi chú"
            case .status: "Trạng thái"
            case .label: "Tên chỉ số"
            case .measure: "Đơn vị tính"
            case .range: "Khoảng hợp lệ"
            }
        }

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

        /// The column a header cell names, if any: one of its spellings, or its heading in the
        /// template of any language of the message catalogue (so a template written in a language
        /// added to the catalogue reads back).
        public static func named(_ header: String) -> Column? {
            let folded = TextFolding.fold(header)
            return allCases.first { $0.spellings.contains(folded) } ?? templateHeadings[folded]
        }

        /// The template's headings in every language, folded, and the column each names (the
        /// order of `Messages.Report.templateHeadersProvinces` and `…Units`).
        static let templateHeadings: [String: Column] = {
            let order: [Column] = [.province, .year, .indicator, .label, .measure, .range, .value, .source, .note]
            var headings: [String: Column] = [:]
            for language in Language.allCases {
                for message in [Messages.Report.templateHeadersProvinces, Messages.Report.templateHeadersUnits] {
                    for (column, heading) in zip(order, language.headings(message)) where headings[TextFolding.fold(heading)] == nil {
                        headings[TextFolding.fold(heading)] = column
                    }
                }
            }
            return headings
        }()
    }

    /// What a header says: the layout and which column is which.
    public struct Table: Sendable {
        /// Long or wide.
        public var layout: Layout
        /// The header row.
        public var header: TableRow
        var columns: [Column: Int]
        var indicatorColumns: [(index: Int, cell: SourceCell)]

        /// Whether the header is that of `dti template` (its descriptive columns), whose rows are
        /// one per unit and entry.
        public var isTemplate: Bool {
            layout == .long && columns[.label] != nil && columns[.measure] != nil && columns[.range] != nil
        }

        /// The values `row` states, or a row-length problem given to `report`.
        func raws(of row: TableRow, report: (Diagnostic.Severity, String, Wording, Wording?, Int?, Int?) -> Void) -> [RawObservation] {
            guard row.cells.count == header.cells.count else {
                // Where the row parts from the header: its first extra cell, or its last cell.
                let column = row.cells.count > header.cells.count ? row.cells[header.cells.count].column : row.cells.last?.column
                report(
                    .error, "row.cell-count",
                    Messages.Ingest.thisRowHasCellsBut(cells: row.cells.count, cells2: header.cells.count),
                    Messages.Ingest.checkForMissingOrExtra,
                    row.line, column)
                return []
            }
            // The columns' positions once per row, not a dictionary lookup per cell.
            let positions = (
                year: columns[.year], indicator: columns[.indicator], value: columns[.value], source: columns[.source],
                note: columns[.note], status: columns[.status]
            )
            func cell(at position: Int?) -> SourceCell? { position.map { row.cells[$0] } }
            // The header check guarantees the required columns; a row without them is skipped.
            guard let province = cell(at: columns[.province]) else { return [] }
            let year = cell(at: positions.year)
            let source = cell(at: positions.source)
            let note = cell(at: positions.note)
            let status = cell(at: positions.status)
            switch layout {
            case .long:
                guard let indicator = cell(at: positions.indicator), let value = cell(at: positions.value) else { return [] }
                return [
                    RawObservation(year: year, province: province, indicator: indicator, value: value, source: source, note: note, status: status)
                ]
            case .wide:
                var raws: [RawObservation] = []
                for indicator in indicatorColumns {
                    let field = row.cells[indicator.index]
                    // An empty cell of a wide row is a value not given: nothing to check or store.
                    guard !field.text.trimmingWhitespace().isEmpty else { continue }
                    raws.append(
                        RawObservation(
                            year: year, province: province, indicator: indicator.cell, value: field, source: source, note: note, status: status))
                }
                return raws
            }
        }
    }

    /// How many rows are checked at a time: memory holds one batch, not the file.
    public static let batchSize = 10_000

    /// Reads `rows` (blank rows already left out) of `file`, on `sheet` for a workbook.
    public static func read(
        _ rows: [TableRow], file: String, sheet: String? = nil, sha256: String? = nil, context: IngestContext,
        diagnostics earlier: [Diagnostic] = []
    ) -> IngestResult {
        var budget = DiagnosticBudget()
        budget.add(contentsOf: earlier)
        guard let table = table(header: rows.first, rowCount: rows.count - 1, file: file, sheet: sheet, context: context, budget: &budget) else {
            return IngestResult(diagnostics: budget.diagnostics)
        }
        var evidence = DecimalEvidence()
        for row in rows.dropFirst() {
            for raw in table.raws(of: row, report: { _, _, _, _, _, _ in }) { evidence.add(raw.value) }
        }
        var builder = ObservationBuilder(
            file: file, sheet: sheet, sha256: sha256, context: context, mark: evidence.mark, isTemplate: table.isTemplate)
        var observations: [Observation] = []
        for batch in stride(from: 1, to: rows.count, by: batchSize) {
            let slice = rows[batch..<min(batch + batchSize, rows.count)]
            var batchRaws: [RawObservation] = []
            for row in slice {
                batchRaws += table.raws(of: row) { severity, key, message, hint, line, column in
                    budget.add(
                        Diagnostic(severity, key, message, hint: hint, at: SourceLocation(file: file, line: line, column: column, sheet: sheet)))
                }
            }
            observations += builder.build(batchRaws, budget: &budget)
        }
        budget.add(contentsOf: builder.templateDiagnostics())
        return IngestResult(observations: observations, diagnostics: inFileOrder(budget.diagnostics))
    }

    /// The table `header` describes, or `nil` (with the problems in `budget`) when no value can be
    /// read: no header, a header without the needed columns, or no rows below it (`rowCount`; `nil`
    /// when not yet known, as while a file is first read).
    public static func table(
        header: TableRow?, rowCount: Int?, file: String, sheet: String? = nil, context: IngestContext, budget: inout DiagnosticBudget
    ) -> Table? {
        func report(_ severity: Diagnostic.Severity, _ key: String, _ message: Wording, hint: Wording? = nil, line: Int?, column: Int? = nil) {
            budget.add(
                Diagnostic(severity, "header." + key, message, hint: hint, at: SourceLocation(file: file, line: line, column: column, sheet: sheet)))
        }
        let headerForms = Messages.Ingest.provinceYearIndicatorValueLong
        guard let header else {
            report(
                .error, "missing", Messages.Ingest.fileHasNoHeader,
                hint: Messages.Ingest.startWithLine.appending("", headerForms), line: nil)
            return nil
        }
        var columns: [Column: Int] = [:]
        var indicatorColumns: [(index: Int, cell: SourceCell)] = []
        var isUsable = true
        for (index, field) in header.cells.enumerated() {
            let name = field.text.trimmingWhitespace()
            if let column = Column.named(name) {
                if columns[column] != nil {
                    report(
                        .error, "column-repeated", Messages.Ingest.columnAppearsTwice(name: name), line: field.line,
                        column: field.column)
                    isUsable = false
                }
                columns[column] = index
            } else if name.isEmpty {
                report(
                    .warning, "column-unnamed",
                    Messages.Ingest.columnHasNoNameAnd(column: index + 1),
                    hint: Messages.Ingest.nameItOrDeleteIt, line: field.line, column: field.column)
            } else {
                indicatorColumns.append((index, SourceCell(name, line: field.line, column: field.column)))
            }
        }
        let layout: Layout = columns[.indicator] != nil || columns[.value] != nil ? .long : .wide
        var required: [Column] = layout == .long ? [.province, .indicator, .value] : [.province]
        if context.year == nil { required.insert(.year, at: 1) }
        for column in required where columns[column] == nil {
            report(
                .error, "column-missing",
                Messages.Ingest.headerLacksColumn(column: Wording.name(en: column.rawValue, vi: "'\(column.vietnameseName)' ('\(column.rawValue)')")),
                hint: column == .year
                    ? Messages.Ingest.addItOrGiveEdition
                    : Messages.Ingest.headerMustBe.appending("", headerForms),
                line: header.line, column: 1)
            isUsable = false
        }
        if layout == .wide, let descriptive = columns.keys.first(where: \.isDescriptive), let index = columns[descriptive] {
            let name = header.cells[index].text.trimmingWhitespace()
            report(
                .warning, "column-descriptive",
                Messages.Ingest.columnDescribesIndicatorsWhichWide(name: name),
                line: header.line, column: header.cells[index].column)
        }
        if layout == .long {
            for extra in indicatorColumns {
                let suggestions = EditDistance.closest(to: extra.cell.text.lowercased(), among: Column.allCases.map(\.rawValue))
                report(
                    .warning, "column-extra",
                    Messages.Ingest.columnIsNotPartOf(cell: extra.cell.text),
                    hint: suggestions.first.map { Suggestions.didYouMean(["'\($0)'"]) }, line: extra.cell.line, column: extra.cell.column)
            }
        } else if indicatorColumns.isEmpty, isUsable {
            report(
                .error, "no-values-columns",
                Messages.Ingest.headerHasNeitherIndicatorAnd,
                hint: Messages.Ingest.seeDocumentationDataFormatsMd, line: header.line, column: 1)
            isUsable = false
        }
        guard isUsable else { return nil }
        if rowCount == 0 {
            report(
                .error, "no-rows", Messages.Ingest.fileHasHeaderButNo,
                hint: Messages.Ingest.addRowsOfValuesOr,
                line: header.line, column: 1)
            return nil
        }
        return Table(layout: layout, header: header, columns: columns, indicatorColumns: indicatorColumns)
    }

    /// Diagnostics in file order, so a reader can work down the file; counts of what was left out
    /// (which have no line) come last.
    public static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.line ?? Int.max, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.line ?? Int.max, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}
