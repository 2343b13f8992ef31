import DTICore
import Foundation
import Testing

@testable import DTIIngest

/// The fast path for plain long files gives exactly what the full reader gives: the same
/// values with the same provenance and the same diagnostics, on plain files and on files that
/// are plain but for one thing (where the fast path must hand the file to the full reader).
struct PlainLongCSVTests {
    /// Both readers on the same bytes: values and diagnostics, with and without the fast path.
    static func bothWays(_ text: String, context: IngestContext) throws -> (fast: IngestResult, full: IngestResult) {
        func read(fastPath: Bool) throws -> IngestResult {
            var result = IngestResult()
            result.diagnostics = try CSVObservationReader.stream(
                ByteArraySource(Array(text.utf8)), file: "in.csv", context: context, fastPath: fastPath
            ) { result.observations += $0 }
            return result
        }
        return (try read(fastPath: true), try read(fastPath: false))
    }

    static func expectSame(_ text: String, context: IngestContext, _ label: String) throws {
        let (fast, full) = try bothWays(text, context: context)
        #expect(fast.diagnostics.map(\.description) == full.diagnostics.map(\.description), "\(label)")
        #expect(fast.observations == full.observations, "\(label): \(fast.observations.count) values, \(full.observations.count) by the full reader")
        #expect(fast.observations.map { $0.value.bitPattern } == full.observations.map { $0.value.bitPattern }, "\(label): values to the bit")
    }

    @Test func aPlainFileReadsAlikeAndTakesTheFastPath() throws {
        let context = try RepositoryData.context(withComponents: true)
        let text = "unit,year,indicator,value\n01,2022,awareness,0.5294\n01,2022,institutions,1.0\n27,2022,AWARENESS,0.0001\n"
        try Self.expectSame(text, context: context, "plain")
        var source = ByteArraySource(Array(text.utf8))
        let diagnostics = try PlainLongCSV.stream(&source, file: "in.csv", context: context) { _ in }
        #expect(diagnostics == [], "a plain file is read by the fast path")
    }

    /// Files plain but for one thing: each must give the full reader's diagnostics and values.
    @Test(arguments: [
        "unit,year,indicator,value\n01,2022,awareness,0.529\n",  // three decimals: ambiguous
        "unit,year,indicator,value\n01,2022,awareness,1.5\n",  // out of range
        "unit,year,indicator,value\n01,2022,awareness,\n",  // empty value
        "unit,year,indicator,value\n01,2022,awareness, 0.5\n",  // a space
        "unit,year,indicator,value\n\"01\",2022,awareness,0.5\n",  // a quote
        "unit,year,indicator,value\n99,2022,awareness,0.5\n",  // unknown unit
        "unit,year,indicator,value\n01,2022,nothing,0.5\n",  // unknown indicator
        "unit,year,indicator,value\n01,2022,dti,0.5\n",  // the index
        "unit,year,indicator,value\n01,1999,awareness,0.5\n",  // a year without a framework
        "unit,year,indicator,value\n01,2022,awareness,0.5\n\n01,2022,institutions,0.5\n",  // a blank line
        "unit,year,indicator,value\n01,2022,awareness,0.5\n# note\n",  // a comment after the header
        "# preamble\nunit,year,indicator,value\n01,2022,awareness,0.5\n",  // a comment before it
        "unit,year,indicator,value\n01,2022,awareness\n",  // a short row
        "unit,year,indicator,value,status\n01,2022,awareness,0.5,synthetic\n",  // another column
        "unit;year;indicator;value\n01;2022;awareness;0,5\n",  // semicolons
        "unit,year,indicator,value\r\n01,2022,awareness,0.5\r\n27,2022,awareness,0.25",  // CRLF, no last line end
        "value,indicator,year,province\n0.5,awareness,2022,01\n",  // another order
        "unit,year,indicator,value\n01,2022,awareness,0.5\n01,2022,awareness,0.6\n",  // given twice (the staging's to find)
        "unit,year,indicator,value\nHà Nội,2022,awareness,0.5\n",  // not ASCII
        "unit,year,indicator,value\n01,2022,awareness,5\n",  // not a plain decimal
        "unit,year,indicator,value\n01,2022,awareness_plan,0.5\n",  // a yes/half/no component
        "unit,year,indicator,value\n01,2022,awareness_tasks_done,0.75\n",  // a component
        "unit,year,indicator,value\n",  // no rows
    ])
    func aFilePlainButForOneThingReadsAlike(text: String) throws {
        try Self.expectSame(text, context: try RepositoryData.context(withComponents: true), text)
    }

    /// Values the fast path reads from their digits are the doubles `Double(text)` gives.
    @Test func digitsMakeTheSameDoubleAsTheStandardLibrary() {
        var generator = SeededGenerator(state: 27)
        for _ in 0..<200_000 {
            let before = Int.random(in: 1...7, using: &generator)
            let after = [1, 2, 4, 5, 6, 7, 8].randomElement(using: &generator) ?? 4
            guard before + after <= 15 else { continue }
            var digits: [String] = []
            for _ in 0..<(before + after) { digits.append(String(Int.random(in: 0...9, using: &generator))) }
            let text = digits[..<before].joined() + "." + digits[before...].joined()
            #expect(PlainLongCSV.plainDecimal(ArraySlice(text.utf8))?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        #expect(PlainLongCSV.plainDecimal(ArraySlice("0.529".utf8)) == nil)
        #expect(PlainLongCSV.plainDecimal(ArraySlice("12345678.12345678".utf8)) == nil)
    }
}
