import CLibXML2
import DTICore
import Foundation
import Testing

@testable import DTIIngest

/// The XML safety rules hold in libxml2 itself, not only in the text pre-scan in front of it: a
/// DOCTYPE that slips past the scan is refused by the parsed document, and even when a document
/// with entities is parsed (tests only), the parser's settings load no file and expand nothing.
struct LibXMLSafetyTests {
    static func secretFile() throws -> (url: URL, content: String) {
        let content = "SECRET-\(UUID().uuidString)"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dti-secret-\(UUID().uuidString).txt")
        try content.write(to: url, atomically: true, encoding: .utf8)
        return (url, content)
    }

    /// The document as libxml2 holds it, serialised: whatever the parser loaded or expanded is in it.
    static func serialised(_ document: xmlDocPtr) -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemory(document, &buffer, &size)
        defer { free(buffer) }  // xmlFree is free() unless an application swaps allocators
        guard let buffer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }

    /// The text the reader would take from each `<value>` element.
    static func values(in document: xmlDocPtr) -> [String] {
        guard let root = xmlDocGetRootElement(document) else { return [] }
        return LibXML.elements(under: root, named: "province").flatMap { LibXML.elements(under: $0, named: "value") }.map(LibXML.text(of:))
    }

    @Test func aDoctypeHiddenFromThePreScanIsRefusedByTheParsedDocument() throws {
        // `<!--` inside a processing instruction is no comment, but a text scan can take it for one.
        let xml = """
            <?pi <!-- ?><!DOCTYPE dti-data [ <!ENTITY x "0.5"> ]>
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022">
              <province name="Đà Nẵng"><value indicator="awareness">&x;</value></province>
            </dti-data><!-- -->
            """
        let result = DataFileReader.read(Array(xml.utf8), file: "in.xml", context: try RepositoryData.context())
        #expect(result.observations.isEmpty)
        #expect(
            result.diagnostics.map(\.description) == [
                "in.xml:1: error: the file declares a DOCTYPE; dti does not read DTDs or entities, so nothing from them is loaded; remove the <!DOCTYPE …> block; the format needs none"
            ])
    }

    @Test func theParserLoadsNoExternalEntity() throws {
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret.url) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE dti-data [ <!ENTITY leak SYSTEM "\(secret.url.absoluteString)"> ]>
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022">
              <province name="Đà Nẵng"><value indicator="awareness">&leak;</value></province>
            </dti-data>
            """
        guard case let .document(document) = LibXML.parse(xml, file: "in.xml", refusingDTD: false) else {
            Issue.record("libxml2 should parse the document with its entity left unexpanded")
            return
        }
        defer { xmlFreeDoc(document) }
        #expect(Self.values(in: document) == [""])
        #expect(!Self.serialised(document).contains(secret.content))
        // And the real path refuses the file outright.
        guard case .declaresDTD(line: 2) = LibXML.parse(xml, file: "in.xml") else {
            Issue.record("the DOCTYPE should be refused at line 2")
            return
        }
    }

    @Test func theParserExpandsNoEntityBillionLaughs() throws {
        var declarations = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            declarations += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE dti-data [ \(declarations) ]>
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022">
              <province name="Đà Nẵng"><value indicator="awareness">&lol9;</value></province>
            </dti-data>
            """
        // 10^9 "lol"s if expanded: libxml2 must either keep the reference or stop with an error.
        switch LibXML.parse(xml, file: "in.xml", refusingDTD: false) {
        case let .document(document):
            defer { xmlFreeDoc(document) }
            #expect(Self.values(in: document) == [""])
            #expect(Self.serialised(document).utf8.count < 10_000)
        case let .malformed(problems):
            #expect(!problems.isEmpty)
        case .declaresDTD:
            Issue.record("refusingDTD is off")
        }
        let result = DataFileReader.read(Array(xml.utf8), file: "in.xml", context: try RepositoryData.context())
        #expect(result.observations.isEmpty && result.diagnostics.count == 1)
    }
}
