import DTICore
import DTIIngest
import Foundation
import Testing

struct XMLObservationReaderTests {
    static func read(_ xml: String) throws -> IngestResult {
        DataFileReader.read(Array(xml.utf8), file: "in.xml", context: try RepositoryData.context())
    }

    @Test func theExampleFileValidatesAndGivesTheWorkedExample() throws {
        let text = try RepositoryData.text("SampleData/examples/dti-2022-example.xml")
        let result = try Self.read(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.observations.count == 8)
        #expect(result.observations.allSatisfy { $0.unitCode == "48" && $0.provenance.status == .official })
        #expect(result.observations.first { $0.indicatorID == "infrastructure" }?.provenance.line == 10)
    }

    @Test func schemaErrorsAreAllReportedWithTheirLines() throws {
        let result = try Self.read(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022">
              <province name="Bắc Ninh">
                <value indicator="awareness">0.7</value>
                <value>0.6</value>
                <value indicator="institutions" status="guess">0.6</value>
              </province>
              <region name="x"/>
            </dti-data>
            """)
        #expect(result.observations.isEmpty)
        let lines = result.diagnostics.map { $0.location?.line }
        #expect(lines == [5, 6, 8], "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.message.hasPrefix("schema: ") })
        #expect(result.diagnostics[0].message.contains("indicator"))
    }

    @Test func contentRulesApplyAfterTheSchema() throws {
        let result = try Self.read(
            """
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022" framework="dti-2022">
              <province name="Bắc Nin">
                <value indicator="awareness">0.7</value>
              </province>
              <province name="Đà Nẵng">
                <value indicator="awarenes">0.7</value>
                <value indicator="institutions">1.7</value>
              </province>
            </dti-data>
            """)
        #expect(
            result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
                "2: unknown province 'Bắc Nin' among the 63 provinces (before 1 July 2025); did you mean 'Bắc Ninh', 'Bắc Kạn'?",
                "6: unknown indicator 'awarenes' for 2022 (framework dti-2022)",
                "7: value 1.7 for institutions is outside [0, 1]",
            ])
    }

    @Test func aFileForTheWrongFrameworkIsRefused() throws {
        let result = try Self.read(
            """
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022" framework="dti-2020">
              <province name="Đà Nẵng"><value indicator="awareness">0.7</value></province>
            </dti-data>
            """)
        #expect(
            result.diagnostics.map(\.description) == [
                "in.xml:1: error: the file is for framework 'dti-2020' but 2022 is scored with 'dti-2022'; check the year, or export the file with the dti-2022 indicators"
            ])
    }

    @Test func anExternalEntityIsRefusedAndNothingIsReadFromDisk() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("dti-secret-\(UUID().uuidString).txt")
        try "0.99".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let result = try Self.read(
            """
            <?xml version="1.0"?>
            <!DOCTYPE dti-data [ <!ENTITY leak SYSTEM "\(secret.absoluteString)"> ]>
            <dti-data xmlns="urn:dti:data:1" version="1" year="2022">
              <province name="Đà Nẵng"><value indicator="awareness">&leak;</value></province>
            </dti-data>
            """)
        #expect(result.observations.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].description.hasPrefix("in.xml:2:1: error: the file declares a DOCTYPE or entities"))
        #expect(!result.diagnostics[0].description.contains("0.99"))
    }

    @Test func malformedXMLIsReportedWithItsLine() throws {
        let result = try Self.read("<dti-data xmlns=\"urn:dti:data:1\" version=\"1\">\n  <province name=\"x\">\n</dti-data>\n")
        #expect(result.diagnostics.first?.location?.line == 3)
        #expect(result.diagnostics.first?.message.hasPrefix("not well-formed XML") == true)
    }
}
