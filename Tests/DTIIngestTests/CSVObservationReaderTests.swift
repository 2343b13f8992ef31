import DTICore
import DTIIngest
import Testing

struct CSVObservationReaderTests {
    static func read(_ text: String, year: Int? = nil) throws -> IngestResult {
        CSVObservationReader.read(text, file: "in.csv", context: try RepositoryData.context(year: year))
    }

    @Test func aCleanFileGivesObservationsWithProvenance() throws {
        let result = try Self.read(
            """
            province,year,indicator,value,source,note,status
            TP. Đà Nẵng,2022,awareness,1.0000,dti.gov.vn,"published, rounded",official
            Bac Ninh,2022,awareness,0.75,,,
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.observations.map(\.unitCode) == ["48", "27"])
        let first = try #require(result.observations.first)
        #expect(
            first.provenance == Provenance(file: "in.csv", line: 2, column: 28, source: "dti.gov.vn", note: "published, rounded", status: .official))
    }

    @Test func anExcelErrorCellIsReportedNotSkipped() throws {
        // Excel writes #N/A into a cell whose formula failed; that row used to vanish as a comment.
        let result = try Self.read("province,year,indicator,value\n#N/A,2022,awareness,0.5\nĐà Nẵng,2022,awareness,0.5\n")
        #expect(result.observations.map(\.unitCode) == ["48"])
        #expect(result.diagnostics.map(\.location?.line) == [2])
        #expect(result.diagnostics.first?.message.contains("unknown province '#N/A'") == true)
    }

    @Test func aQuoteInTheMiddleOfAFieldIsAnErrorAtItsCell() throws {
        let result = try Self.read("province,year,indicator,value\nBắc \"Ninh\",2022,awareness,0.5\n")
        #expect(result.observations.isEmpty)
        #expect(
            result.diagnostics.map(\.description) == [
                "in.csv:2:5: error: a quote (\") inside an unquoted field; put the whole field in quotes and double the quotes inside it, e.g. \"Bắc \"\"Ninh\"\"\""
            ])
    }

    @Test func namesResolveInTheEditionsUnitSet() throws {
        // Bắc Ninh is 27 among the 63 provinces (its code in 2024 data), 24 among the 34 units.
        let result = try Self.read("province,year,indicator,value\nBắc Ninh,2024,awareness,0.5\n")
        #expect(result.observations.first?.unitCode == "27")
    }

    @Test func everyProblemIsReportedWithLineAndColumn() throws {
        let result = try Self.read(
            """
            province,year,indicator,value
            Đà Nẵg,2022,awareness,0.5
            Đà Nẵng,2019,awareness,0.5
            Đà Nẵng,2022,awarenes,0.5
            Đà Nẵng,2022,institutions,0,5
            Đà Nẵng,2022,institutions,abc
            Đà Nẵng,2022,infrastructure,1.5
            Đà Nẵng,2022,cybersecurity,nan
            Đà Nẵng,2022,dti,0.5
            """)
        #expect(result.observations.isEmpty)
        #expect(
            result.diagnostics.map(\.description) == [
                "in.csv:2:1: error: unknown province 'Đà Nẵg' among the 63 provinces (before 1 July 2025); did you mean 'Đà Nẵng', 'Hà Nam'?",
                "in.csv:3:9: error: no DTI framework is known for 2019: the index began with the 2020 edition; said once for every row of 2019 in this file; check the year; editions with a framework: 2020, 2021, 2022, 2023, 2024",
                "in.csv:4:14: error: unknown indicator 'awarenes' for 2022 (framework dti-2022); did you mean 'awareness' (Nhận thức số)?",
                "in.csv:5:29: error: this row has 5 cells but the header has 4; check for a missing or extra delimiter, or an unquoted delimiter inside a name",
                "in.csv:6:27: error: value 'abc' is not a number; write a number such as 0.8253, 56,83 or 97%",
                "in.csv:7:29: error: value 1.5 for infrastructure is outside [0, 1]; give the share of maximum points: 1.5% if it is a percentage, or points ÷ 100 if it is points",
                "in.csv:8:28: error: value 'nan' is not a finite number; write a number such as 0.8253, 56,83 or 97%",
                "in.csv:9:14: error: 'dti' is computed from the indicators and cannot be given; give the main-indicator values instead",
            ])
    }

    @Test func aMissingColumnAndAnUnknownColumnAreReported() throws {
        let result = try Self.read("province,indicator,valeu\n")
        #expect(
            result.diagnostics.map(\.description) == [
                "in.csv:1:1: error: the header has no 'year' column; add it, or give the edition with --year",
                "in.csv:1:1: error: the header has no 'value' column; the header must be province,year,indicator,value (long) or province,year,<indicator ids or names> (wide); Vietnamese headings are read too: Tỉnh,Năm,Chỉ số,Giá trị",
                "in.csv:1:20: warning: column 'valeu' is not part of the long format and is ignored; did you mean 'value'?",
            ])
    }

    @Test func yearComesFromTheOptionWhenTheColumnIsAbsent() throws {
        let result = try Self.read("province,indicator,value\n48,awareness,0.5\n", year: 2022)
        #expect(result.diagnostics.isEmpty)
        #expect(result.observations.first?.year == 2022)
    }

    @Test func aValueGivenTwiceIsAnErrorWhenItDiffersAndAWarningWhenItRepeats() throws {
        let first = try Self.read("province,year,indicator,value\n48,2022,awareness,0.5\n48,2022,institutions,0.5\n")
        let second = CSVObservationReader.read(
            "province,year,indicator,value\nĐà Nẵng,2022,awareness,0.6\nĐà Nẵng,2022,institutions,0.5\n", file: "b.csv",
            context: try RepositoryData.context())
        let combined = IngestResult.combining([first, second])
        #expect(combined.observations.count == 2)
        #expect(
            combined.diagnostics.map(\.description) == [
                "b.csv:2:24: error: awareness of unit 48 in 2022 is 0.6 here but 0.5 at in.csv:2; keep the right value and delete the other row",
                "b.csv:3:27: warning: institutions of unit 48 in 2022 is given again (first at in.csv:3) with the same value; delete one of the rows",
            ])
    }

    @Test func theSampleDataIsClean() throws {
        for year in 2020...2024 {
            let file = "SampleData/dti-\(year).csv"
            let result = CSVObservationReader.read(try RepositoryData.text(file), file: file, context: try RepositoryData.context())
            #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics)")
            #expect(result.observations.allSatisfy { $0.provenance.status != nil })
        }
    }
}
