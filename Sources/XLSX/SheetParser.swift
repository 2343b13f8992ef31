/// Reads one worksheet part into its cells, typed by the cell's `t` attribute and style.
struct SheetParser {
    var name: String
    var part: String
    var sharedStrings: [String]
    var dateStyles: Set<Int>
    var uses1904: Bool
    var maxRows: Int

    func parse(_ bytes: [UInt8]) throws(XLSXError) -> Sheet {
        var cells: [Cell] = []
        var merged: [CellRange] = []
        var row = 0
        var nextColumn = 1
        // The cell being read.
        var reference = CellReference(row: 1, column: 1)
        var type: String?
        var style = 0
        var value: String?
        var formula: String?
        var inline = ""
        var inValue = false
        var inFormula = false
        var inInline = false
        var inText = false
        var phoneticDepth = 0

        try XMLPart.walk(bytes, part: part) { node throws(XLSXError) in
            switch node.kind {
            case .start:
                if node.is("c") {
                    if let given = node.attribute("r"), let parsed = CellReference(given) {
                        reference = parsed
                    } else {
                        reference = CellReference(row: max(row, 1), column: nextColumn)
                    }
                    if reference.row > maxRows { throw .tooManyRows(sheet: name, row: reference.row, limit: maxRows) }
                    nextColumn = reference.column + 1
                    type = node.attribute("t")
                    style = node.attribute("s").flatMap { Int($0) } ?? 0
                    value = nil
                    formula = nil
                    inline = ""
                    if node.isEmptyElement { return }
                } else if node.is("row") {
                    row = node.attribute("r").flatMap { Int($0) } ?? row + 1
                    if row > maxRows { throw .tooManyRows(sheet: name, row: row, limit: maxRows) }
                    nextColumn = 1
                } else if node.is("v") {
                    value = ""
                    inValue = !node.isEmptyElement
                } else if node.is("f") {
                    formula = formula ?? ""
                    inFormula = !node.isEmptyElement
                } else if node.is("is") {
                    inInline = !node.isEmptyElement
                } else if node.is("rPh") {
                    if !node.isEmptyElement { phoneticDepth += 1 }
                } else if node.is("t"), inInline, phoneticDepth == 0 {
                    inText = !node.isEmptyElement
                } else if node.is("mergeCell"), let range = node.attribute("ref").flatMap({ CellRange($0) }) {
                    merged.append(range)
                }
            case .end:
                if node.is("c") {
                    if let cell = try cellValue(type: type, style: style, value: value, formula: formula, inline: inline, at: reference) {
                        cells.append(Cell(reference, cell))
                    }
                } else if node.is("v") {
                    inValue = false
                } else if node.is("f") {
                    inFormula = false
                } else if node.is("is") {
                    inInline = false
                } else if node.is("rPh") {
                    phoneticDepth -= 1
                } else if node.is("t") {
                    inText = false
                }
            case .text:
                if inValue {
                    value = (value ?? "") + node.text
                } else if inFormula {
                    formula = (formula ?? "") + node.text
                } else if inText {
                    inline += node.text
                }
            }
        }
        cells.sort { $0.reference < $1.reference }
        return Sheet(name: name, cells: cells, mergedRanges: merged)
    }

    /// What a cell holds, or `nil` for a cell with a style and nothing else.
    private func cellValue(
        type: String?, style: Int, value: String?, formula: String?, inline: String, at reference: CellReference
    ) throws(XLSXError) -> CellValue? {
        switch type {
        case "s":
            guard let value else { return nil }
            guard let index = Int(value.trimmingSpaces), sharedStrings.indices.contains(index) else {
                throw .malformedPart(
                    part: part, line: nil,
                    message: "cell \(reference) refers to shared string \(value), but the workbook has \(sharedStrings.count)")
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return .text(WorkbookParts.unescaped(value ?? inline))
        case "str":
            guard let value else { return formula.map { .formulaWithoutValue(formula: $0) } }
            return .text(WorkbookParts.unescaped(value))
        case "b":
            guard let value else { return formula.map { .formulaWithoutValue(formula: $0) } }
            return .boolean(value.trimmingSpaces == "1" || value.trimmingSpaces.lowercased() == "true")
        case "e":
            guard let value else { return formula.map { .formulaWithoutValue(formula: $0) } }
            return .error(value)
        case "d":
            guard let value else { return formula.map { .formulaWithoutValue(formula: $0) } }
            return .text(value)
        default:
            guard let value, !value.trimmingSpaces.isEmpty else { return formula.map { .formulaWithoutValue(formula: $0) } }
            guard let number = Double(value.trimmingSpaces), number.isFinite else { return .text(value) }
            if dateStyles.contains(style) { return .date(SerialDate(serial: number, uses1904: uses1904)) }
            return .number(number)
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
