import CLibXML2
import DTICore

/// Reads indicator values from the documented XML format (namespace `urn:dti:data:1`), after
/// validating the file against the shipped XML Schema (`Indicators/schema/dti-data-1.xsd`).
///
/// Safety: a file with a DOCTYPE or entity declaration is refused before it is parsed, so
/// external entities, DTDs and entity expansion ("billion laughs") cannot happen; the parser
/// also runs with network access off and without entity substitution or DTD loading.
public enum XMLObservationReader {
    /// The namespace of format version 1.
    public static let namespace = "urn:dti:data:1"

    /// Reads `text` (the decoded contents of `file`), validating it against `context.xmlSchema`.
    public static func read(_ text: String, file: String, sha256: String? = nil, context: IngestContext) -> IngestResult {
        var result = IngestResult()
        func report(_ key: String, _ message: Wording, hint: Wording? = nil, line: Int?, column: Int? = nil) {
            result.diagnostics.append(
                Diagnostic(.error, "xml." + key, message, hint: hint, at: SourceLocation(file: file, line: line, column: column)))
        }
        if let declaration = firstDeclaration(in: text) {
            report(
                "doctype",
                Wording(
                    "the file declares a DOCTYPE or entities ('\(declaration.text)'); dti does not read DTDs or entities, so nothing from them is loaded",
                    vi: "tệp khai báo DOCTYPE hoặc thực thể ('\(declaration.text)'); dti không đọc DTD hay thực thể, nên không nạp gì từ chúng"),
                hint: Wording("remove the <!DOCTYPE …> block; the format needs none", vi: "xoá khối <!DOCTYPE …>; định dạng không cần nó"),
                line: declaration.line, column: declaration.column)
            return result
        }
        guard let schemaText = context.xmlSchema else {
            report(
                "no-schema", Wording("no XML Schema is available to validate the file", vi: "không có XML Schema để kiểm tra tệp"),
                hint: Wording("check that Indicators/schema/dti-data-1.xsd exists", vi: "kiểm tra xem có tệp Indicators/schema/dti-data-1.xsd không"),
                line: nil)
            return result
        }

        let document: xmlDocPtr
        switch LibXML.parse(text, file: file) {
        case let .document(parsed):
            document = parsed
        case let .malformed(errors):
            for error in errors {
                // libxml2 advises an option only a program can set; say what it means instead.
                if error.message.hasPrefix("Excessive depth in document") {
                    report(
                        "too-deep",
                        Wording(
                            "the XML nests deeper than 256 elements, more than dti reads",
                            vi: "XML lồng sâu hơn 256 phần tử, nhiều hơn dti đọc được"),
                        hint: Wording(
                            "the format nests 3 deep: check that this is a DTI data file",
                            vi: "định dạng chỉ lồng 3 mức: kiểm tra xem đây có phải tệp số liệu DTI không"),
                        line: error.line, column: error.column)
                } else {
                    report(
                        "malformed", Wording("not well-formed XML: \(error.message)", vi: "XML không hợp lệ: \(error.message)"), line: error.line,
                        column: error.column)
                }
            }
            if errors.isEmpty { report("malformed", Wording("the file is not well-formed XML", vi: "tệp không phải XML hợp lệ"), line: nil) }
            return result
        case let .declaresDTD(line):
            report(
                "doctype",
                Wording(
                    "the file declares a DOCTYPE; dti does not read DTDs or entities, so nothing from them is loaded",
                    vi: "tệp khai báo DOCTYPE; dti không đọc DTD hay thực thể, nên không nạp gì từ chúng"),
                hint: Wording("remove the <!DOCTYPE …> block; the format needs none", vi: "xoá khối <!DOCTYPE …>; định dạng không cần nó"), line: line
            )
            return result
        }
        defer { xmlFreeDoc(document) }

        let schemaErrors = LibXML.validate(document, schema: schemaText)
        guard schemaErrors.isEmpty else {
            for error in schemaErrors {
                report(
                    "schema", Wording("schema: \(error.message)", vi: "sai cấu trúc (schema): \(error.message)"),
                    hint: Wording(
                        "see Indicators/schema/dti-data-1.xsd and Documentation/DataFormats.md",
                        vi: "xem Indicators/schema/dti-data-1.xsd và Documentation/DataFormats.md"), line: error.line)
            }
            return result
        }

        // The schema guarantees the shape from here on.
        guard let root = xmlDocGetRootElement(document) else { return result }
        let rootLine = Int(xmlGetLineNo(root))
        let fileYear = LibXML.attribute(root, "year").map { SourceCell($0, line: rootLine, column: nil) }
        let fileStatus = LibXML.attribute(root, "status").map { SourceCell($0, line: rootLine, column: nil) }
        let fileSource = LibXML.attribute(root, "source").map { SourceCell($0, line: rootLine, column: nil) }
        let framework = LibXML.attribute(root, "framework").map { (id: $0, cell: SourceCell($0, line: rootLine, column: nil)) }

        var raws: [RawObservation] = []
        for province in LibXML.elements(under: root, named: "province") {
            let line = Int(xmlGetLineNo(province))
            let name = SourceCell(LibXML.attribute(province, "name") ?? "", line: line, column: nil)
            let year = LibXML.attribute(province, "year").map { SourceCell($0, line: line, column: nil) } ?? fileYear
            let status = LibXML.attribute(province, "status").map { SourceCell($0, line: line, column: nil) } ?? fileStatus
            for value in LibXML.elements(under: province, named: "value") {
                let valueLine = Int(xmlGetLineNo(value))
                func cell(_ attribute: String) -> SourceCell? {
                    LibXML.attribute(value, attribute).map { SourceCell($0, line: valueLine, column: nil) }
                }
                raws.append(
                    RawObservation(
                        year: year, province: name, indicator: cell("indicator") ?? SourceCell("", line: valueLine, column: nil),
                        value: SourceCell(LibXML.text(of: value), line: valueLine, column: nil),
                        source: cell("source") ?? fileSource, note: cell("note"), status: cell("status") ?? status))
            }
        }
        let built = ObservationBuilder.build(raws, file: file, sha256: sha256, context: context, declaredFramework: framework)
        result.observations = built.observations
        result.diagnostics += built.diagnostics
        return result
    }

    /// The first `<!DOCTYPE` or `<!ENTITY` outside comments, with its place.
    static func firstDeclaration(in text: String) -> (text: String, line: Int, column: Int)? {
        var line = 1
        var column = 1
        var index = text.startIndex
        var inComment = false
        while index < text.endIndex {
            let rest = text[index...]
            if inComment {
                if rest.hasPrefix("-->") { inComment = false }
            } else if rest.hasPrefix("<!--") {
                inComment = true
            } else if rest.hasPrefix("<!DOCTYPE") || rest.hasPrefix("<!ENTITY") {
                return (String(rest.prefix(while: { $0 != " " && $0 != "\n" })), line, column)
            }
            if text[index] == "\n" || text[index] == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return nil
    }
}
