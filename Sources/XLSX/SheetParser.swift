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
        var problems: [CellProblem] = []
        // References given so far: a second `<c r="C5">` would silently replace the first value.
        var seen: Set<CellReference> = []
        var isRepeat = false
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
                    if let given = node.attribute("r") {
                        guard let parsed = CellReference(given) else {
                            // `XFE2` is beyond the last column: read as the next cell, it was taken for another.
                            reference = CellReference(row: max(row, 1), column: min(nextColumn, CellReference.maxColumn))
                            problems.append(
                                CellProblem(
                                    reference: reference, kind: "cell-reference-invalid",
                                    message:
                                        "the sheet's XML names a cell '\(given)', which no sheet has (columns end at XFD, rows at \(CellReference.maxRow))",
                                    hint: "no spreadsheet program writes this: open the workbook in Excel or LibreOffice and save it again"))
                            isRepeat = true
                            nextColumn += 1
                            return
                        }
                        reference = parsed
                    } else {
                        reference = CellReference(row: max(row, 1), column: nextColumn)
                    }
                    if reference.row > maxRows { throw .tooManyRows(sheet: name, row: reference.row, limit: maxRows) }
                    isRepeat = !seen.insert(reference).inserted
                    if isRepeat {
                        problems.append(
                            CellProblem(
                                reference: reference, kind: "cell-repeated",
                                message: "the sheet's XML gives cell \(reference) twice, so which value it holds is not known",
                                hint: "no spreadsheet program writes this: open the workbook in Excel or LibreOffice and save it again"))
                    }
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
                    if isRepeat {
                        isRepeat = false
                        return
                    }
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
        return Sheet(name: name, cells: cells, mergedRanges: merged, problems: problems)
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
            // Only a number as the format writes one (`0.5`, `-1.25E-3`) is a number; anything else
            // (`0x1p-1`, `inf`, `1e-400` that a double reads as 0) is passed on as text, for the
            // data reader's number rules to judge and name at its cell.
            guard let number = Self.storedNumber(value.trimmingSpaces) else { return .text(value) }
            if dateStyles.contains(style), SerialDate.range.contains(number) { return .date(SerialDate(serial: number, uses1904: uses1904)) }
            return .number(number)
        }
    }
}

extension SheetParser {
    /// The value of a number as a workbook stores it (an `xsd:double` in decimal: a sign, digits
    /// with at most one point, an optional exponent); `nil` for any other form, and for one that
    /// no double holds (too large, or so small that it would read as 0).
    static func storedNumber(_ text: String) -> Double? {
        var digits = 0
        var nonZeroDigit = false
        var seenPoint = false
        var inExponent = false
        var exponentDigits = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponentDigits += 1
                } else {
                    digits += 1
                    if byte != UInt8(ascii: "0") { nonZeroDigit = true }
                }
            case UInt8(ascii: "."):
                guard !seenPoint, !inExponent else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !inExponent, digits > 0 else { return nil }
                inExponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard previous == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            default:
                return nil
            }
            previous = byte
        }
        guard digits > 0, !inExponent || exponentDigits > 0, let value = Double(text), value.isFinite else { return nil }
        if value == 0, nonZeroDigit { return nil }
        return value
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
