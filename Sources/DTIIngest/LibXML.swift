import CLibXML2

/// The few libxml2 calls dti needs, kept in one place: safe parsing, schema validation with
/// every error and its line, and reading elements and attributes without allocating.
enum LibXML {
    /// No network, no DTD loading, no entity substitution, no huge-document relaxation.
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue)

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initializes libxml2 once per process.
    static func initialize() { _ = initialized }

    /// An error reported by libxml2.
    struct Problem: Sendable {
        var line: Int?
        var column: Int?
        var message: String
    }

    /// Collects libxml2's structured errors while `body` runs on this thread.
    final class ErrorCollector {
        var errors: [Problem] = []

        func capturing<T>(_ body: () -> T) -> T {
            let context = Unmanaged.passUnretained(self).toOpaque()
            xmlSetStructuredErrorFunc(context, Self.handler)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return body()
        }

        static let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.append(error.pointee)
        }

        func append(_ error: xmlError) {
            var message = error.message.map { String(cString: $0) } ?? "unknown error"
            while message.last == "\n" || message.last == " " || message.last == "." { message.removeLast() }
            // Schema messages name elements as "{urn:dti:data:1}value"; the namespace is noise here.
            message = message.split(separator: "{\(XMLObservationReader.namespace)}", omittingEmptySubsequences: false).joined()
            errors.append(
                Problem(
                    line: error.line > 0 ? Int(error.line) : nil, column: error.int2 > 0 ? Int(error.int2) : nil, message: message))
        }
    }

    /// A parsed document, or why there is none: not well-formed, or a DOCTYPE that the parser itself
    /// found (a second line of defence behind the text pre-scan, which a crafted file might slip past).
    enum Parsed {
        case document(xmlDocPtr)
        case malformed([Problem])
        case declaresDTD(line: Int?)
    }

    /// What the DOCTYPE hook found: the line of the first DOCTYPE, if the parser met one.
    final class DoctypeWatch {
        var line: Int?
    }

    /// Called by the parser at `<!DOCTYPE name …`, before it reads the internal subset: it notes
    /// the line and stops the parser, so no entity of the subset is ever declared or expanded
    /// (a billion-laughs subset hidden behind a processing instruction is refused here, once).
    private static let stopAtDoctype: internalSubsetSAXFunc = { context, _, _, _ in
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        if let watch = parser.pointee._private {
            Unmanaged<DoctypeWatch>.fromOpaque(watch).takeUnretainedValue().line = Int(xmlSAX2GetLineNumber(context))
        }
        xmlStopParser(parser)
    }

    /// Parses `text` with `safeOptions`; the caller frees a returned document with `xmlFreeDoc`.
    /// `refusingDTD: false` exists for tests of the parser's own settings behind the refusal.
    static func parse(_ text: String, file: String, refusingDTD: Bool = true) -> Parsed {
        initialize()
        let collector = ErrorCollector()
        let watch = DoctypeWatch()
        // The bytes must outlive the parse: everything that reads them runs inside the closure.
        let document: xmlDocPtr? = collector.capturing {
            text.utf8CString.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
                guard let parser = xmlCreateMemoryParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else { return nil }
                defer { xmlFreeParserCtxt(parser) }
                xmlCtxtUseOptions(parser, safeOptions)
                if refusingDTD, let handler = parser.pointee.sax {
                    handler.pointee.internalSubset = stopAtDoctype
                    parser.pointee._private = Unmanaged.passUnretained(watch).toOpaque()
                }
                _ = withExtendedLifetime(watch) { xmlParseDocument(parser) }
                let parsed = parser.pointee.myDoc
                parser.pointee.myDoc = nil
                guard parser.pointee.wellFormed != 0, watch.line == nil else {
                    if let parsed { xmlFreeDoc(parsed) }
                    return nil
                }
                return parsed
            }
        }
        if let line = watch.line { return .declaresDTD(line: line) }
        guard let document else { return .malformed(collector.errors) }
        if refusingDTD, document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            // libxml2 keeps no line for a DTD node; the first DOCTYPE in the text is where it starts.
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<!DOCTYPE") }
                .map { $0 + 1 }
            return .declaresDTD(line: line)
        }
        return .document(document)
    }

    /// Every schema violation of `document` against the XSD `schemaText`.
    static func validate(_ document: xmlDocPtr, schema schemaText: String) -> [Problem] {
        let collector = ErrorCollector()
        return collector.capturing { () -> [Problem] in
            // libxml2 reads the schema bytes during `xmlSchemaParse`, not when the context is made,
            // so the whole schema parse happens while the buffer is alive.
            schemaText.utf8CString.withUnsafeBufferPointer { buffer -> [Problem] in
                guard let parserContext = xmlSchemaNewMemParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else {
                    return [Problem(message: "the XML Schema could not be read")]
                }
                defer { xmlSchemaFreeParserCtxt(parserContext) }
                guard let schema = xmlSchemaParse(parserContext) else {
                    return [Problem(message: "the XML Schema is invalid: " + collector.errors.map(\.message).joined(separator: "; "))]
                }
                defer { xmlSchemaFree(schema) }
                guard let validator = xmlSchemaNewValidCtxt(schema) else { return [Problem(message: "the XML Schema could not be used")] }
                defer { xmlSchemaFreeValidCtxt(validator) }
                xmlSchemaSetValidStructuredErrors(validator, ErrorCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
                let status = xmlSchemaValidateDoc(validator, document)
                if status != 0, collector.errors.isEmpty { return [Problem(message: "the file does not match the schema")] }
                return collector.errors
            }
        }
    }

    /// The child elements of `node` with the local name `name`.
    static func elements(under node: xmlNodePtr, named name: String) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The value of the attribute `name` of `node`, read from its text children.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if String(cString: current.pointee.name) == name {
                var text = ""
                var child = current.pointee.children
                while let part = child {
                    if let content = part.pointee.content { text += String(cString: content) }
                    child = part.pointee.next
                }
                return text
            }
            property = current.pointee.next
        }
        return nil
    }

    /// The text content of `node`.
    static func text(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let part = child {
            if part.pointee.type == XML_TEXT_NODE || part.pointee.type == XML_CDATA_SECTION_NODE, let content = part.pointee.content {
                text += String(cString: content)
            }
            child = part.pointee.next
        }
        return text
    }
}
