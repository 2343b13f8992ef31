@testable import DTIIngest
import Testing

struct CSVTableTests {
    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let records = try CSVTable.parse("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\nlast,z")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b"], ["x, \"y\"", "two\nlines"], ["last", "z"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields[1].column == 12)
    }

    @Test func commentLinesAreSkipped() throws {
        let records = try CSVTable.parse("# sample\na,b\n# more\n1,2\n")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [2, 4])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        #expect(throws: CSVTable.SyntaxError(message: "a quoted field is never closed", line: 2, column: 3)) {
            try CSVTable.parse("a,b\n1,\"open\n")
        }
    }
}
