import DTICore
import Testing

@testable import DTIIngest

struct CSVTableTests {
    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
        let records = try CSVTable.parse("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\nlast,z")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b"], ["x, \"y\"", "two\nlines"], ["last", "z"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields[1].column == 12)
    }

    @Test func commentLinesBeforeTheHeaderAreSkipped() throws {
        let records = try CSVTable.parse("# sample\n\n# still before the header\na,b\n1,2\n")
        #expect(records.filter { !$0.isBlank }.map { $0.fields.map(\.text) } == [["a", "b"], ["1", "2"]])
        #expect(records.filter { !$0.isBlank }.map(\.line) == [4, 5])
    }

    @Test func aHashAfterTheHeaderIsDataNotAComment() throws {
        // Excel writes #N/A and #REF! into cells; such a row must be read and judged, not dropped.
        let records = try CSVTable.parse("province,year,indicator,value\n#N/A,2022,awareness,0.5\n# note,,,\n")
        #expect(
            records.map { $0.fields.map(\.text) } == [
                ["province", "year", "indicator", "value"], ["#N/A", "2022", "awareness", "0.5"], ["# note", "", "", ""],
            ])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsAnError() {
        do {
            _ = try CSVTable.parse("a,b\nBắc \"Ninh\",1\n")
            Issue.record("a stray quote was read")
        } catch {
            #expect(error.key == "csv.stray-quote")
            #expect(error.message.text(.en) == "a quote (\") inside an unquoted field")
            #expect((error.line, error.column) == (2, 5))
            #expect(error.hint.text(.en) == "put the whole field in quotes and double the quotes inside it, e.g. \"Bắc \"\"Ninh\"\"\"")
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        #expect(throws: CSVTable.SyntaxError.self) { try CSVTable.parse("a,b\n\"Bắc \"Ninh,1\n") }
        do {
            _ = try CSVTable.parse("a,b\n\"Bắc \"Ninh,1\n")
        } catch {
            #expect(error.message.text(.en) == "text after the closing quote of a field")
            #expect((error.line, error.column) == (2, 7))
        }
    }

    @Test func spacesAroundAQuotedFieldAreLayout() throws {
        let records = try CSVTable.parse("a,b\n \"Hà Nội, TP\" ,1\n")
        #expect(records[1].fields.map(\.text) == ["Hà Nội, TP", "1"])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        do {
            _ = try CSVTable.parse("a,b\n1,\"open\n")
            Issue.record("an unclosed quote was read")
        } catch {
            #expect(error.message.text(.en) == "a quoted field is never closed")
            #expect((error.line, error.column) == (2, 3))
        }
    }
}
