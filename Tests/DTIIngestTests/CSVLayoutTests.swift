import DTICore
import DTIIngest
import Testing

/// The CSV layouts, delimiters, encodings and number conventions provinces actually send.
struct CSVLayoutTests {
    static func read(_ text: String, decimal: DecimalMark? = nil, components: Bool = false) throws -> IngestResult {
        DataFileReader.read(Array(text.utf8), file: "in.csv", context: try RepositoryData.context(decimal: decimal, withComponents: components))
    }

    static func messages(_ result: IngestResult) -> [String] {
        result.diagnostics.filter { $0.severity != .note }.map(\.description)
    }

    @Test func wideSemicolonWithDecimalCommaCRLFAndAQuotedLineBreak() throws {
        let result = try Self.read(
            "tỉnh;năm;awareness;institutions;ghi chú\r\n"
                + "Bắc Ninh;2022;0,7191;63,25%;\"two\r\nlines; and a delimiter\"\r\n"
                + "Đà Nẵng;2022;1;0,9;\r\n")
        #expect(Self.messages(result).isEmpty)
        #expect(result.observations.map(\.value) == [0.7191, 0.6325, 1, 0.9])
        #expect(result.observations.map(\.unitCode) == ["27", "27", "48", "48"])
        #expect(result.observations[1].provenance.note == "two\r\nlines; and a delimiter")
        // Cells keep their own place: line 4 is Đà Nẵng after the two-line quoted note.
        #expect(result.observations[2].provenance.line == 4)
        #expect(result.observations[2].provenance.column == 14)
    }

    @Test func tabDelimitedUTF16FromExcelUnicodeText() throws {
        let text = "province\tyear\tindicator\tvalue\r\nBắc Giang\t2022\tawareness\t0.692\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = DataFileReader.read(bytes, file: "unicode.txt", context: try RepositoryData.context())
        #expect(result.diagnostics.isEmpty)
        #expect(result.observations.first?.value == 0.692)
        #expect(result.observations.first?.provenance.sha256?.count == 64)
    }

    @Test func anEmptyWideCellIsMissingNotZero() throws {
        let result = try Self.read("province,year,awareness,institutions\nBắc Ninh,2022,,0.5\n")
        #expect(result.observations.map(\.indicatorID) == ["institutions"])
    }

    @Test func anAmbiguousThousandsCellIsAnErrorNamingTheCell() throws {
        let result = try Self.read("province;year;indicator;value\nBắc Ninh;2022;awareness;0.719\nBắc Ninh;2022;institutions;0.632\n")
        // 0.719 and 0.632 start with 0, so they are decimals; nothing is ambiguous.
        #expect(Self.messages(result).isEmpty)
        let components = try Self.read(
            "province;year;indicator;value\nBắc Giang;2022;bts_stations;1.417\nVĩnh Phúc;2022;bts_stations;3.100\n", components: true)
        #expect(
            Self.messages(components) == [
                "in.csv:2:29: error: value '1.417' is ambiguous: 1.417 with a decimal point, 1417 with a decimal comma, and nothing else in the file shows which; give --decimal comma (Vietnamese: 1.417 = one thousand four hundred seventeen) or --decimal point",
                "in.csv:3:29: error: value '3.100' is ambiguous: 3.1 with a decimal point, 3100 with a decimal comma, and nothing else in the file shows which; give --decimal comma (Vietnamese: 1.417 = one thousand four hundred seventeen) or --decimal point",
            ])
        let decided = try Self.read(
            "province;year;indicator;value\nBắc Giang;2022;bts_stations;1.417\nVĩnh Phúc;2022;bts_stations;3.100\n", decimal: .comma,
            components: true)
        #expect(decided.observations.map(\.value) == [1417, 3100])
    }

    @Test func aCellAgainstTheFilesConventionIsAnError() throws {
        let result = try Self.read(
            "province,year,indicator,value\nBắc Ninh,2022,awareness,0.7191\nBắc Giang,2022,awareness,0.5\nVĩnh Phúc,2022,awareness,\"0,77\"\n")
        #expect(
            Self.messages(result) == [
                "in.csv:4:26: error: value '0,77' uses a decimal comma, but the file's other numbers use a decimal point; write it with a decimal point, or give --decimal comma if the whole file uses it"
            ])
    }

    @Test func theSameCellTwiceInOneFileWithDifferentValuesIsAnError() throws {
        let result = try Self.read("province,year,indicator,value\nBắc Ninh,2022,awareness,0.7\nBac Ninh,2022,awareness,0.8\n")
        #expect(
            Self.messages(result) == [
                "in.csv:3:25: error: awareness of unit 27 in 2022 is 0.8 here but 0.7 at in.csv:2; keep the right value and delete the other row"
            ])
    }

    @Test func aFileForAnotherFrameworkSaysSo() throws {
        let result = try Self.read("province,year,government,economy,society\nBắc Ninh,2022,0.5,0.5,0.5\nĐà Nẵng,2022,0.6,0.6,0.6\n")
        // Pillar ids exist in both frameworks, but 2022 computes its pillars from the indicators:
        // a pillar given there would stand beside a DTI that contradicts it.
        #expect(Self.messages(result).count == 3)
        #expect(Self.messages(result).allSatisfy { $0.contains("is a pillar, which the 2022 framework (dti-2022) computes from its indicators") })
        let wrong = try Self.read("province,year,awareness\nBắc Ninh,2020,0.5\nĐà Nẵng,2020,0.6\n")
        #expect(
            Self.messages(wrong) == [
                "in.csv:1:15: error: unknown indicator 'awareness' for 2020 (framework dti-2020); 'awareness' belongs to framework dti-2022; 2020 is scored with dti-2020: is this file for another year?"
            ])
    }

    @Test func componentValuesAreCheckedAgainstTheirMeasure() throws {
        let result = try Self.read(
            """
            province,year,indicator,value
            Bắc Ninh,2022,awareness_plan,có
            Bắc Giang,2022,awareness_plan,một phần
            Vĩnh Phúc,2022,awareness_plan,maybe
            Bắc Ninh,2022,documents_signed,97
            Bắc Giang,2022,procedures_synchronised,1591/2003
            Bắc Ninh,2022,dedicated_network_points,-3
            """, components: true)
        #expect(result.observations.map(\.value) == [1, 0.5, 1591.0 / 2003.0])
        #expect(
            Self.messages(result) == [
                "in.csv:4:31: error: value 'maybe' is not a number; write yes, half or no (có, một phần, không), or 1, 0.5, 0",
                "in.csv:5:32: error: value 97 for component documents_signed is outside its range; a share is written 0.97 or 97%, not 97",
                "in.csv:7:40: error: value -3 for component dedicated_network_points is outside its range; check the value; this component takes 0…5000",
            ])
    }

    @Test func aMainValueGivenBesideItsComponentsIsReported() throws {
        let result = DataFileReader.readAll(
            [("in.csv", Array("province,year,indicator,value\nBắc Ninh,2022,awareness,0.7\nBắc Ninh,2022,awareness_plan,yes\n".utf8))],
            context: try RepositoryData.context(withComponents: true))
        #expect(
            result.diagnostics.map(\.description) == [
                "in.csv:2:25: warning: awareness of unit 27 in 2022 is given directly and through 1 component (first at in.csv:3): the given value is used and the components are ignored; remove the main-indicator value to score from the components, or remove the components"
            ])
    }

    @Test func theRepositoryExamplesReadAlike() throws {
        for (file, count) in [("SampleData/examples/long-example.csv", 8), ("SampleData/examples/wide-semicolon-example.csv", 16)] {
            let bytes = Array(try RepositoryData.text(file).utf8)
            let result = DataFileReader.read(bytes, file: file, context: try RepositoryData.context())
            #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics)")
            #expect(result.observations.count == count)
        }
    }
}
