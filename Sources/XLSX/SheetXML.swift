/// One worksheet part as text, its elements in the order the schema requires (Excel repairs a
/// file whose order differs).
enum SheetXML {
    static func write(_ sheet: Worksheet, isSelected: Bool) -> String {
        let width = sheet.rows.map(\.count).max() ?? 0
        var text = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        text += #"<worksheet xmlns="\#(WorkbookWriter.mainNamespace)">"#
        if width > 0, !sheet.rows.isEmpty {
            let last = CellReference(row: sheet.rows.count, column: width)
            text += #"<dimension ref="A1:\#(last)"/>"#
        }
        text += #"<sheetViews><sheetView workbookViewId="0"\#(isSelected ? #" tabSelected="1""# : "")>"#
        if sheet.frozenRows > 0 {
            let topLeft = CellReference(row: sheet.frozenRows + 1, column: 1)
            text += #"<pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(topLeft)" activePane="bottomLeft" state="frozen"/>"#
            text += #"<selection pane="bottomLeft" activeCell="\#(topLeft)" sqref="\#(topLeft)"/>"#
        }
        text += "</sheetView></sheetViews>"
        text += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columnWidths.isEmpty {
            text += "<cols>"
            for (index, columnWidth) in sheet.columnWidths.enumerated() {
                text += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(number(columnWidth))" customWidth="1"/>"#
            }
            text += "</cols>"
        }
        text += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            // Wrapped headings get the height of their longest one: programs that do not fit
            // rows themselves (LibreOffice's PDF export) would otherwise draw them over row 2.
            let lines = headingLines(row, widths: sheet.columnWidths)
            text += lines > 1 ? #"<row r="\#(rowIndex + 1)" ht="\#(lines * 15)" customHeight="1">"# : #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, cell) in row.enumerated() {
                let reference = CellReference(row: rowIndex + 1, column: columnIndex + 1)
                switch cell {
                case .empty:
                    continue
                case let .text(value):
                    text += #"<c r="\#(reference)" t="inlineStr"><is>\#(textElement(value))</is></c>"#
                case let .heading(value):
                    text += #"<c r="\#(reference)" s="1" t="inlineStr"><is>\#(textElement(value))</is></c>"#
                case let .number(value, format):
                    guard value.isFinite else { continue }
                    let style: Int
                    switch format {
                    case .fourDecimals: style = 2
                    case .integer: style = 3
                    case .general: style = 0
                    }
                    text += #"<c r="\#(reference)"\#(style == 0 ? "" : #" s="\#(style)""#)><v>\#(number(value))</v></c>"#
                }
            }
            text += "</row>"
        }
        text += "</sheetData>"
        if !sheet.validations.isEmpty {
            text += #"<dataValidations count="\#(sheet.validations.count)">"#
            for validation in sheet.validations { text += dataValidation(validation) }
            text += "</dataValidations>"
        }
        text += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        return text + "</worksheet>"
    }

    /// How many lines the longest heading of `row` wraps to in its column (at most 4).
    private static func headingLines(_ row: [OutputCell], widths: [Double]) -> Int {
        var lines = 1
        for (index, cell) in row.enumerated() {
            guard case let .heading(text) = cell else { continue }
            let width = index < widths.count ? widths[index] : 8.43
            lines = max(lines, min(4, Int((Double(text.count) / max(width - 1, 1)).rounded(.up))))
        }
        return lines
    }

    private static func textElement(_ value: String) -> String {
        let preserve = value.first?.isWhitespace == true || value.last?.isWhitespace == true
        return "<t\(preserve ? #" xml:space="preserve""# : "")>\(XMLText.escaped(value))</t>"
    }

    private static func dataValidation(_ validation: DataValidation) -> String {
        let sqref = validation.ranges.map(\.description).joined(separator: " ")
        var attributes = ""
        let formulas: String
        switch validation.rule {
        case let .decimal(minimum, maximum):
            attributes = #"type="decimal" operator="between""#
            formulas = "<formula1>\(number(minimum))</formula1><formula2>\(number(maximum))</formula2>"
        case let .whole(minimum, maximum):
            attributes = #"type="whole" operator="between""#
            formulas = "<formula1>\(minimum)</formula1><formula2>\(maximum)</formula2>"
        case let .list(words):
            attributes = #"type="list""#
            formulas = "<formula1>\(XMLText.escaped("\"" + words.joined(separator: ",") + "\""))</formula1>"
        }
        attributes += #" allowBlank="\#(validation.allowsBlank ? 1 : 0)" showErrorMessage="1""#
        attributes += #" errorTitle="\#(XMLText.escaped(validation.errorTitle))" error="\#(XMLText.escaped(validation.errorMessage))""#
        if let prompt = validation.prompt {
            attributes += #" showInputMessage="1" prompt="\#(XMLText.escaped(prompt))""#
        }
        return #"<dataValidation \#(attributes) sqref="\#(sqref)">\#(formulas)</dataValidation>"#
    }

    /// A number as the file stores it: the shortest text that reads back to the same value.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// Escaping for XML text and attributes; characters XML 1.0 cannot hold become OOXML's `_xHHHH_`.
enum XMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
