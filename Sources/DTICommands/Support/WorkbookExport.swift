import DTICore
import DTIFiles
import DTIReport
import DTIWorkflow
import Foundation
import XLSX

/// Result tables as an .xlsx workbook: one sheet per table, notices above a bold header that stays
/// in view, scores as numbers shown with 4 decimals, ranks as whole numbers.
enum WorkbookExport {
    /// Writes the tables to `target` as a workbook, whole or not at all.
    static func write(_ tables: [ResultTable], to target: OutputFile) throws {
        try write(tables.map(worksheet), to: target)
    }

    /// Writes the sheets to `target`, whole or not at all.
    private static func write(_ sheets: [Worksheet], to target: OutputFile) throws {
        let data: [UInt8]
        do {
            data = try WorkbookWriter.bytes(sheets)
        } catch let refusal as WorkbookWriter.Refusal {
            throw WorkflowError.workbookTooLarge(path: target.path, reason: Wording.translated(refusal.description, areas: ["xlsxWrite"]))
        } catch {
            throw WorkflowError.cannotWrite(path: target.path, reason: "the workbook could not be assembled: \(error)")
        }
        try target.write(Data(data))
    }

    static func worksheet(_ table: ResultTable) -> Worksheet {
        var rows: [[OutputCell]] = table.preamble.map { [.text($0)] }
        if !table.preamble.isEmpty { rows.append([]) }
        rows.append(table.header.map(OutputCell.heading))
        for row in table.rows {
            rows.append(
                row.map { cell in
                    switch cell {
                    case let .text(text): .text(text)
                    case let .score(value): .number(value, .fourDecimals)
                    case let .integer(value): .number(Double(value), .integer)
                    case .empty: .empty
                    }
                })
        }
        return Worksheet(name: table.name, rows: rows, frozenRows: rows.count - table.rows.count, columnWidths: table.columnWidths)
    }
}

extension WorkbookExport {
    /// The input template as a workbook: one sheet, the header kept in view, and each value cell
    /// accepting only its entry's values (Excel's and LibreOffice's data validation).
    static func write(_ template: InputTemplate, to target: OutputFile) throws {
        let stamp = Worksheet(name: TemplateStamp.sheetName, rows: template.stamp.rows.map { $0.map(OutputCell.text) }, frozenRows: 0, isHidden: true)
        // The values first, so that the reader's first sheet is the one to read; the instructions beside it.
        let instructions = Worksheet(
            name: template.instructionsSheet,
            rows: template.instructions.enumerated().map { index, line in [index == 0 ? .heading(line) : line.isEmpty ? .empty : .text(line)] },
            frozenRows: 0, columnWidths: [140])
        try write([worksheet(template), instructions, stamp], to: target)
    }

    static func worksheet(_ template: InputTemplate) -> Worksheet {
        var rows: [[OutputCell]] = template.preamble.map { [.text($0)] }
        rows.append(template.header.map(OutputCell.heading))
        let firstDataRow = rows.count + 1
        for row in template.rows {
            rows.append(
                row.enumerated().map { column, text in
                    column == 1 ? .number(Double(text) ?? 0, .integer) : text.isEmpty ? .empty : .text(FormulaNeutralising.neutralised(text))
                })
        }
        // One validation per distinct rule, over the value cells that follow it.
        var rangesByRule: [(InputTemplate.Rule, [CellRange])] = []
        for (offset, rule) in template.rules.enumerated() {
            let cell = CellReference(row: firstDataRow + offset, column: template.valueColumn + 1)
            if let index = rangesByRule.firstIndex(where: { $0.0 == rule }) {
                var ranges = rangesByRule[index].1
                if let last = ranges.last, last.last.row == cell.row - 1 {
                    ranges[ranges.count - 1] = CellRange(last.first, cell)
                } else {
                    ranges.append(CellRange(cell, cell))
                }
                rangesByRule[index].1 = ranges
            } else {
                rangesByRule.append((rule, [CellRange(cell, cell)]))
            }
        }
        let validations = rangesByRule.map { rule, ranges in
            switch rule {
            case let .range(minimum, maximum):
                DataValidation(
                    .decimal(minimum: minimum, maximum: maximum), ranges: ranges, errorTitle: "DTI",
                    errorMessage:
                        // Both languages: the workbook may be opened by anyone the file is sent to.
                        Language.allCases.reversed().map {
                            Messages.Commands.cellRangeError(minimum: ExactNumber(minimum), maximum: ExactNumber(maximum)).text($0)
                        }.joined(separator: " / "),
                    prompt: "\(NumberText.exact(minimum)) – \(NumberText.exact(maximum))")
            case let .words(words):
                DataValidation(
                    .list(words), ranges: ranges, errorTitle: "DTI", errorMessage: words.joined(separator: " / "),
                    prompt: words.joined(separator: " / "))
            }
        }
        return Worksheet(
            name: "DTI \(template.rows.first?[1] ?? "")", rows: rows, frozenRows: template.preamble.count + 1,
            columnWidths: [20, 7, 22, 44, 30, 12, 12, 24, 24], validations: validations)
    }
}
