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

    /// The report's comparison page says what the terminal's notes say: a reader who asked for
    /// Vĩnh Phúc is told why the page shows Phú Thọ (issue 33).
    @Test func theComparisonPageSaysWhyAnotherUnitAppears() throws {
        let (database, scratch) = try ReportCommandTests.sampleDatabase()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (language, sentence) in [
            ("vi", "Vĩnh Phúc nay thuộc Phú Thọ (từ 1/7/2025): trang này so sánh Phú Thọ."),
            ("en", "Vĩnh Phúc is part of Phú Thọ since 1 July 2025: Phú Thọ is compared."),
        ] {
            let out = scratch.appendingPathComponent("report-\(language)")
            let run = try E2E.run(
                [
                    "report", "--units", "34", "--year", "2024", "--compare", "Bắc Ninh,Bắc Giang,Vĩnh Phúc", "--format", "html", "--lang", language,
                    "--out", out.path,
                ], database: database)
            #expect(run.status == 0, "\(run.stderr)")
            let page = try String(contentsOf: out.appendingPathComponent("compare.html"), encoding: .utf8)
            #expect(page.contains(sentence), "\(language)")
        }
        // Among the 63 the three are themselves: nothing to say.
        let out = scratch.appendingPathComponent("report-63")
        let run = try E2E.run(
            ["report", "--year", "2024", "--compare", "Bắc Ninh,Bắc Giang,Vĩnh Phúc", "--format", "html", "--out", out.path], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("compare.html"), encoding: .utf8)
        #expect(!page.contains("nay thuộc") && !page.contains("được so sánh một lần"))
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
