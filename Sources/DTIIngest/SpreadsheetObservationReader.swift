import DTICore
import XLSX

/// Reads indicator values from an Excel workbook (.xlsx): one sheet, in any layout the CSV reader
/// takes, located as `file.xlsx:Sheet!C12`. What a sheet adds to a CSV file is handled here:
///
/// - rows above the header (a title, a merged banner, group headings) are passed over: the header
///   is the first row naming a province column, or the last row of a header merged downwards;
/// - a merged range stands for its top-left value in every cell it covers (a province written once
///   beside its indicator rows); in the header row only downwards, so one name is not two columns;
/// - numbers are taken as stored, with no decimal mark to guess; a date in the year column gives
///   its year; a formula is read through its saved result, and one without a result is an error;
/// - a sheet named after an edition (`2024`) without a year column is that edition.
public enum SpreadsheetObservationReader {
    /// Reads the sheet `context.sheet` (or the first) of the workbook in `bytes`.
    public static func read(_ bytes: [UInt8], file: String, sha256: String? = nil, context: IngestContext) -> IngestResult {
        var sheet: Sheet
        var sheetNotes: [Diagnostic] = []
        var context = context
        do {
            let workbook = try Workbook(bytes: bytes)
            sheet = try workbook.sheet(named: context.sheet)
            if context.sheet == nil, !SheetGrid(sheet).hasUnitHeader {
                // A cover page first: the data are on the first sheet with a header, said in a note.
                let others = workbook.sheetNames.filter { $0 != sheet.name && $0 != TemplateStamp.sheetName }
                if let found = try others.lazy.map({ try workbook.sheet(named: $0) }).first(where: { SheetGrid($0).hasUnitHeader }) {
                    sheetNotes.append(
                        Diagnostic(
                            .note, "workbook.sheet-chosen",
                            Messages.Ingest.firstSheetHasNoHeader(sheetName: sheet.name, foundName: found.name),
                            hint: Messages.Ingest.giveSheetToReadAnother, at: SourceLocation(file: file)))
                    sheet = found
                } else if workbook.sheetNames.count > 1 {
                    let listed = workbook.sheetNames.map { "'\($0)'" }.joined(separator: ", ")
                    sheetNotes.append(
                        Diagnostic(
                            .note, "workbook.sheets",
                            Messages.Ingest.noSheetOfThisWorkbook(listed: listed),
                            hint: Messages.Ingest.nameSheetOfValuesWith,
                            at: SourceLocation(file: file)))
                }
            }
            if workbook.sheetNames.contains(TemplateStamp.sheetName), sheet.name != TemplateStamp.sheetName {
                context.template = TemplateStamp(
                    rows: try workbook.sheet(named: TemplateStamp.sheetName).rows.map { row in
                        row.cells.map { cell -> String in
                            switch cell.value {
                            case let .text(text): text
                            case let .number(number): NumberText.exact(number)
                            default: ""
                            }
                        }
                    })
            }
        } catch {
            let wording = (error as? XLSXError).map(\.wording) ?? Wording.same("\(error)")
            return IngestResult(diagnostics: [Diagnostic(.error, "workbook.unreadable", wording, at: SourceLocation(file: file))])
        }
        if let stamp = context.template, let wrongSet = wrongUnitSet(stamp, context: context) {
            return IngestResult(
                diagnostics: [Diagnostic(.error, "template.wrong-units", wrongSet.message, hint: wrongSet.hint, at: SourceLocation(file: file))])
        }
        var diagnostics =
            sheetNotes
            + sheet.problems.map { problem in
                Diagnostic(
                    .error, "workbook." + problem.kind, problem.wording, hint: problem.hintWording,
                    at: SourceLocation(file: file, line: problem.reference.row, column: problem.reference.column, sheet: sheet.name))
            }
        let grid = SheetGrid(sheet)
        guard let headerRow = grid.headerRow() else {
            diagnostics.append(
                Diagnostic(
                    .error, "workbook.sheet-empty", Messages.Ingest.sheetIsEmpty(sheetName: sheet.name),
                    hint: Messages.Ingest.putHeaderProvinceYearIndicator,
                    at: SourceLocation(file: file, sheet: sheet.name)))
            return IngestResult(diagnostics: diagnostics)
        }
        let headerTexts = grid.texts(ofRow: headerRow)
        let width = headerTexts.lastIndex { !$0.trimmingWhitespace().isEmpty }.map { $0 + 1 } ?? 0
        let yearColumn = headerTexts.firstIndex { TabularObservationReader.Column.named($0.trimmingWhitespace()) == .year }.map { $0 + 1 }

        var rows: [TableRow] = []
        for row in grid.rowNumbers where row >= headerRow {
            var cells: [SourceCell] = []
            var isBlank = true
            for column in 1...max(width, 1) {
                let cell = grid.sourceCell(row: row, column: column, isYearColumn: column == yearColumn)
                if case let .formulaWithoutValue(formula)? = grid.value(row: row, column: column) {
                    diagnostics.append(
                        Diagnostic(
                            .error, "workbook.formula-without-value",
                            Messages.Ingest.cellHoldsFormulaButNo(formula: formula),
                            hint: Messages.Ingest.openWorkbookInExcelOr,
                            at: SourceLocation(file: file, line: row, column: column, sheet: sheet.name)))
                }
                if !cell.text.trimmingWhitespace().isEmpty { isBlank = false }
                cells.append(cell)
            }
            for extra in grid.columns(ofRow: row) where extra > width {
                let text = grid.sourceCell(row: row, column: extra, isYearColumn: false).text
                guard !text.trimmingWhitespace().isEmpty else { continue }
                diagnostics.append(
                    Diagnostic(
                        .error, "workbook.cell-beyond-header",
                        Messages.Ingest.isToRightOfLast(text: text, columnLetters: SourceLocation.columnLetters(width)),
                        hint: Messages.Ingest.nameItsColumnInHeader,
                        at: SourceLocation(file: file, line: row, column: extra, sheet: sheet.name)))
                isBlank = false
            }
            if !isBlank || row == headerRow { rows.append(TableRow(line: row, cells: cells)) }
        }

        if yearColumn == nil, context.year == nil, let year = Int(sheet.name.trimmingWhitespace()), (try? context.editions.edition(for: year)) != nil
        {
            context.year = year
        }
        var result = TabularObservationReader.read(
            rows, file: file, sheet: sheet.name, sha256: sha256, context: context, diagnostics: diagnostics)
        // A formula without a result is reported above; the note that its cell is empty would repeat it.
        // (So would one after a problem of the cell's XML; the notes about sheets have no cell.)
        let formulaCells = Set(diagnostics.filter { $0.severity != .note }.compactMap(\.location))
        result.diagnostics.removeAll { $0.severity == .note && $0.location.map(formulaCells.contains) == true }
        return result
    }

    /// Why a template workbook cannot be read as asked: it was made for other units than those
    /// `--units` (or the edition's own set) names.
    static func wrongUnitSet(_ stamp: TemplateStamp, context: IngestContext) -> (message: Wording, hint: Wording)? {
        let reading = context.unitSet?.dataSetID ?? (try? context.editions.edition(for: stamp.edition))?.unitSet
        guard reading != stamp.unitSetID else { return nil }
        let label =
            context.registry.unitSet(stamp.unitSetID)?.labelWording
            ?? Messages.Ingest.set(unitSetID: stamp.unitSetID)
        let readingLabel = context.unitSet?.labelWording ?? Messages.Ingest.editionSOwnUnits
        let option = TemplateStamp.unitsOption(for: stamp.unitSetID)
        return (
            Messages.Ingest.thisWorkbookWasMadeBy(edition: stamp.edition, label: label, readingLabel: readingLabel),
            Messages.Ingest.importItWith(option: option)
        )
    }

}
