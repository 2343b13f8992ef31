import Foundation
import Testing

/// Tried as a new user would: the names of before 1 July 2025 among the 34 units.
struct MergerNamesTests {
    typealias E2E = EndToEndTests

    @Test func comparingFormerProvincesShowsTheUnitsTheyBecameOnce() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(
            ["compare", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc", "--units", "34", "--year", "2024", "--lang", "en"], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: 'Bắc Giang' is part of Bắc Ninh among the 34 provinces (from 1 July 2025): using Bắc Ninh (24)"))
        #expect(run.stderr.contains("note: 'Vĩnh Phúc' is part of Phú Thọ among the 34 provinces (from 1 July 2025): using Phú Thọ (25)"))
        #expect(run.stderr.contains("note: Bắc Ninh stands for Bắc Ninh and Bắc Giang among the 34 provinces (from 1 July 2025): shown once"))
        let header = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("Entry") })
        #expect(header.components(separatedBy: "Bắc Ninh").count == 2 && header.contains("Phú Thọ") && !header.contains("Vĩnh Phúc"))
        // Among the 63, the same names are three provinces and nothing is said.
        let old = try E2E.run(["compare", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc", "--year", "2024"], database: database)
        #expect(old.status == 0 && old.stderr.isEmpty, "\(old.stderr)")
    }

    @Test func aFormerNameWorksWhereverAUnitIsNamed() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let show = try E2E.run(["show", "Vĩnh Phúc", "--units", "34", "--year", "2024", "--lang", "en"], database: database)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Phú Thọ") && show.stderr.contains("'Vĩnh Phúc' is part of Phú Thọ"))
        let explain = try E2E.run(["explain", "Bắc Giang", "--units", "34", "--year", "2024", "--format", "json"], database: database)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("\"code\":\"24\"") && explain.stdout.contains("\"name\":\"Bắc Ninh\""))
    }

    @Test func twoNamesOfOneUnitAreNotAComparison() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try E2E.run(["compare", "Bắc Ninh", "Bắc Giang", "--units", "34", "--year", "2024"], database: database)
        #expect(run.status == 64)
        #expect(
            run.stderr.contains(
                "'Bắc Ninh' and 'Bắc Giang' are one unit among the 34 provinces (from 1 July 2025); give at least two different units."))
        let unknown = try E2E.run(["show", "Bắc Giangg", "--units", "34", "--year", "2024"], database: database)
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown province 'Bắc Giangg'"))
    }
}
