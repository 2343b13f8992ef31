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
        let sheet: Sheet
        var context = context
        do {
            let workbook = try Workbook(bytes: bytes)
            sheet = try workbook.sheet(named: context.sheet)
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
            return IngestResult(diagnostics: [Diagnostic(.error, error.description, at: SourceLocation(file: file))])
        }
        if let stamp = context.template, let wrongSet = wrongUnitSet(stamp, context: context) {
            return IngestResult(diagnostics: [Diagnostic(.error, wrongSet.message, hint: wrongSet.hint, at: SourceLocation(file: file))])
        }
        var diagnostics = sheet.problems.map { problem in
            Diagnostic(
                .error, problem.message, hint: problem.hint,
                at: SourceLocation(file: file, line: problem.reference.row, column: problem.reference.column, sheet: sheet.name))
        }
        let grid = SheetGrid(sheet)
        guard let headerRow = grid.headerRow() else {
            diagnostics.append(
                Diagnostic(
                    .error, "sheet '\(sheet.name)' is empty", hint: "put the header province,year,indicator,value in its first row",
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
                            .error, "the cell holds the formula =\(formula) but no saved result, and dti does not calculate formulas",
                            hint: "open the workbook in Excel or LibreOffice and save it, so the result is stored; or paste the values",
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
                        .error, "'\(text)' is to the right of the last named column (\(SourceLocation.columnLetters(width)))",
                        hint: "name its column in the header row, or delete it",
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
        let formulaCells = Set(diagnostics.compactMap(\.location))
        result.diagnostics.removeAll { $0.severity == .note && $0.location.map(formulaCells.contains) == true }
        return result
    }

    /// Why a template workbook cannot be read as asked: it was made for other units than those
    /// `--units` (or the edition's own set) names.
    static func wrongUnitSet(_ stamp: TemplateStamp, context: IngestContext) -> (message: String, hint: String)? {
        let reading = context.unitSet?.dataSetID ?? (try? context.editions.edition(for: stamp.edition))?.unitSet
        guard reading != stamp.unitSetID else { return nil }
        let label = context.registry.unitSet(stamp.unitSetID)?.label ?? "the set '\(stamp.unitSetID)'"
        return (
            "this workbook was made by 'dti template' for the \(stamp.edition) edition of \(label), but is read among \(context.unitSet?.label ?? "the edition's own units")",
            "import it with \(TemplateStamp.unitsOption(for: stamp.unitSetID))"
        )
    }
}
