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
                Messages.Ingest.fileDeclaresDOCTYPEOrEntities(declaration: declaration.text),
                hint: Messages.Ingest.removeDOCTYPEBlockFormatNeeds,
                line: declaration.line, column: declaration.column)
            return result
        }
        guard let schemaText = context.xmlSchema else {
            report(
                "no-schema", Messages.Ingest.noXMLSchemaIsAvailable,
                hint: Messages.Ingest.checkThatIndicatorsSchemaDti,
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
                        Messages.Ingest.xmlNestsDeeperThan256,
                        hint: Messages.Ingest.formatNests3DeepCheck,
                        line: error.line, column: error.column)
                } else {
                    report(
                        "malformed", Messages.Ingest.notWellFormedXML(message: error.message), line: error.line,
                        column: error.column)
                }
            }
            if errors.isEmpty { report("malformed", Messages.Ingest.fileIsNotWellFormed, line: nil) }
            return result
        case let .declaresDTD(line):
            report(
                "doctype",
                Messages.Ingest.fileDeclaresDOCTYPEDtiDoes,
                hint: Messages.Ingest.removeDOCTYPEBlockFormatNeeds, line: line
            )
            return result
        }
        defer { xmlFreeDoc(document) }

        let schemaErrors = LibXML.validate(document, schema: schemaText)
        guard schemaErrors.isEmpty else {
            for error in schemaErrors {
                report(
                    "schema", Messages.Ingest.schema(message: error.message),
                    hint: Messages.Ingest.seeIndicatorsSchemaDtiData, line: error.line)
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
