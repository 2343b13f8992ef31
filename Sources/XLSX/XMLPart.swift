import CLibXML2

/// A forward-only walk over one XML part of a workbook with libxml2's streaming reader, so a sheet
/// of a hundred thousand rows is read without building a tree. Network access is off and entities
/// are not substituted; a DOCTYPE or entity declaration is refused before the parser sees it and,
/// should one slip past, when the parser reports it.
enum XMLPart {
    /// The node the walk is on.
    struct Node {
        fileprivate let reader: xmlTextReaderPtr
        /// What kind of node it is.
        let kind: Kind

        enum Kind { case start, end, text }

        /// Whether the element is `<name/>`, which has no end node.
        var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

        /// Whether the element's local name is `name` (compared without making a string).
        func `is`(_ name: StaticString) -> Bool {
            guard let local = xmlTextReaderConstLocalName(reader) else { return false }
            return name.withUTF8Buffer { buffer in
                var index = 0
                while index < buffer.count {
                    if local[index] != buffer[index] { return false }
                    index += 1
                }
                return local[index] == 0
            }
        }

        /// The value of the attribute `name` (a qualified name such as `r:id` is matched as written).
        func attribute(_ name: String) -> String? {
            guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
            defer { xmlTextReaderMoveToElement(reader) }
            return xmlTextReaderConstValue(reader).map { String(cString: $0) }
        }

        /// The value of the attribute whose local name is `local` and whose namespace ends with
        /// `namespaceSuffix`, whatever its prefix (`r:id` in transitional and strict workbooks).
        func attribute(local: String, namespaceSuffix: String) -> String? {
            defer { xmlTextReaderMoveToElement(reader) }
            var status = xmlTextReaderMoveToFirstAttribute(reader)
            while status == 1 {
                if let name = xmlTextReaderConstLocalName(reader), String(cString: name) == local,
                    let namespace = xmlTextReaderConstNamespaceUri(reader), String(cString: namespace).hasSuffix(namespaceSuffix)
                {
                    return xmlTextReaderConstValue(reader).map { String(cString: $0) }
                }
                status = xmlTextReaderMoveToNextAttribute(reader)
            }
            return nil
        }

        /// A text node's text.
        var text: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }
    }

    /// Calls `visit` for every start tag, end tag and text node of `bytes` (the part `name`).
    static func walk(_ bytes: [UInt8], part name: String, _ visit: (Node) throws(XLSXError) -> Void) throws(XLSXError) {
        if declaresDTD(bytes) { throw .declaresDTD(part: name) }
        let options = Int32(XML_PARSE_NONET.rawValue)
        var failure: XLSXError?
        let problems = Problems()
        bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(buffer.count), name, nil, options) else {
                failure = .malformedPart(part: name, line: nil, message: "the parser could not start")
                return
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, Problems.handler, Unmanaged.passUnretained(problems).toOpaque())
            do {
                while true {
                    let status = xmlTextReaderRead(reader)
                    if status == 0 { break }
                    guard status == 1 else {
                        let first = problems.first
                        throw XLSXError.malformedPart(part: name, line: first?.line, message: first?.message ?? "unreadable")
                    }
                    switch xmlTextReaderNodeType(reader) {
                    case Int32(XML_READER_TYPE_ELEMENT.rawValue): try visit(Node(reader: reader, kind: .start))
                    case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): try visit(Node(reader: reader, kind: .end))
                    case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                        Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                        try visit(Node(reader: reader, kind: .text))
                    case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                        throw XLSXError.declaresDTD(part: name)
                    default:
                        break
                    }
                }
            } catch let error as XLSXError {
                failure = error
            } catch {
                failure = .malformedPart(part: name, line: nil, message: "\(error)")
            }
        }
        if let failure { throw failure }
    }

    /// Whether the bytes hold `<!` followed by a letter (`<!DOCTYPE`, `<!ENTITY`) anywhere: in a
    /// well-formed part that is only ever markup, since text escapes `<`.
    static func declaresDTD(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let end = bytes.count - 2
        while index < end {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "!") {
                let next = bytes[index + 2]
                if (next >= 65 && next <= 90) || (next >= 97 && next <= 122) { return true }
            }
            index += 1
        }
        return false
    }

    /// libxml2's messages for the part being read.
    private final class Problems {
        var first: (line: Int?, message: String)?

        static let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            let problems = Unmanaged<Problems>.fromOpaque(userData).takeUnretainedValue()
            guard problems.first == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "unreadable"
            while message.last == "\n" || message.last == " " || message.last == "." { message.removeLast() }
            problems.first = (error.pointee.line > 0 ? Int(error.pointee.line) : nil, message)
        }
    }
}
