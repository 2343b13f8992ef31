/// The small parts that say where a workbook's sheets are and how to read their cells:
/// relationships, the sheet list, the shared strings and which cell styles are dates.
enum WorkbookParts {
    /// A relationship: its id, the last part of its type URI, and the part it points at.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships in a `.rels` part, targets resolved against `base` (the folder of the
    /// part they belong to).
    static func relationships(_ bytes: [UInt8], part: String, base: String) throws(XLSXError) -> [Relationship] {
        var result: [Relationship] = []
        try XMLPart.walk(bytes, part: part) { node throws(XLSXError) in
            guard node.kind == .start, node.is("Relationship"), let id = node.attribute("Id"), let target = node.attribute("Target"),
                node.attribute("TargetMode") != "External"
            else { return }
            let type = node.attribute("Type").map { String($0.split(separator: "/").last ?? "") } ?? ""
            result.append(Relationship(id: id, type: type, target: resolve(target, against: base)))
        }
        return result
    }

    /// `target` made a part name: absolute targets from the root, relative ones from `base`.
    static func resolve(_ target: String, against base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder of a part name (`xl` for `xl/workbook.xml`).
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// The `.rels` part of `part` (`xl/_rels/workbook.xml.rels`).
    static func relationshipsPart(of part: String) -> String {
        let folder = folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    /// A sheet as `workbook.xml` lists it.
    struct SheetEntry {
        var name: String
        var relationshipID: String
    }

    /// The sheets in tab order, and whether dates count from 1904.
    static func sheets(_ bytes: [UInt8], part: String) throws(XLSXError) -> (sheets: [SheetEntry], uses1904: Bool) {
        var sheets: [SheetEntry] = []
        var uses1904 = false
        try XMLPart.walk(bytes, part: part) { node throws(XLSXError) in
            guard node.kind == .start else { return }
            if node.is("sheet"), let name = node.attribute("name"),
                let id = node.attribute(local: "id", namespaceSuffix: "relationships")
            {
                sheets.append(SheetEntry(name: name, relationshipID: id))
            } else if node.is("workbookPr"), let flag = node.attribute("date1904") {
                uses1904 = flag == "1" || flag == "true"
            }
        }
        return (sheets, uses1904)
    }

    /// The shared string table, rich-text runs joined and phonetic guides left out.
    static func sharedStrings(_ bytes: [UInt8], part: String) throws(XLSXError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        try XMLPart.walk(bytes, part: part) { node throws(XLSXError) in
            switch node.kind {
            case .start:
                if node.is("si") {
                    current = ""
                    inItem = true
                    if node.isEmptyElement {
                        strings.append("")
                        inItem = false
                    }
                } else if node.is("rPh") {
                    if !node.isEmptyElement { phoneticDepth += 1 }
                } else if node.is("t"), inItem, phoneticDepth == 0 {
                    inText = !node.isEmptyElement
                }
            case .end:
                if node.is("si") {
                    strings.append(unescaped(current))
                    inItem = false
                } else if node.is("rPh") {
                    phoneticDepth -= 1
                } else if node.is("t") {
                    inText = false
                }
            case .text:
                if inText { current += node.text }
            }
        }
        return strings
    }

    /// The cell styles (indexes into `cellXfs`) whose number format shows a date.
    static func dateStyles(_ bytes: [UInt8], part: String) throws(XLSXError) -> Set<Int> {
        var customIsDate: [Int: Bool] = [:]
        var formatOfStyle: [Int] = []
        var inCellFormats = false
        try XMLPart.walk(bytes, part: part) { node throws(XLSXError) in
            switch node.kind {
            case .start:
                if node.is("numFmt"), let id = node.attribute("numFmtId").flatMap({ Int($0) }) {
                    customIsDate[id] = isDateFormat(node.attribute("formatCode") ?? "")
                } else if node.is("cellXfs") {
                    inCellFormats = !node.isEmptyElement
                } else if node.is("xf"), inCellFormats {
                    formatOfStyle.append(node.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                }
            case .end:
                if node.is("cellXfs") { inCellFormats = false }
            case .text:
                break
            }
        }
        var result: Set<Int> = []
        for (style, format) in formatOfStyle.enumerated() where customIsDate[format] ?? builtInDateFormats.contains(format) {
            result.insert(style)
        }
        return result
    }

    /// The built-in number formats that show dates or times.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date or time: a `d m y h s` outside quotes, brackets
    /// (colours, locales) and escaped or padding characters.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in code {
            if skipNext {
                skipNext = false
                continue
            }
            switch character {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "\\", "_", "*": if !inQuotes { skipNext = true }
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S":
                if !inQuotes, !inBrackets { return true }
            default: break
            }
        }
        return false
    }

    /// OOXML writes characters XML cannot hold as `_xHHHH_`; this reads them back.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                let code = UInt32(String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

}
