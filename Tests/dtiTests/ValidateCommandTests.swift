import Foundation
import Testing

/// `dti validate`, `dti import` on bad input, and `dti history`, run as a user would.
struct ValidateCommandTests {
    typealias E2E = EndToEndTests

    @Test func aDirectoryOfBrokenFilesPrintsEveryProblemAndFails() throws {
        let run = try E2E.run(["validate", "Tests/dtiTests/Fixtures/broken"], database: E2E.temporaryDatabase())
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let places = lines.dropLast().map { $0.prefix { $0 != " " } }
        #expect(
            places == [
                "Tests/dtiTests/Fixtures/broken/long-problems.csv:2:1:",
                "Tests/dtiTests/Fixtures/broken/long-problems.csv:3:9:",
                "Tests/dtiTests/Fixtures/broken/long-problems.csv:4:14:",
                "Tests/dtiTests/Fixtures/broken/long-problems.csv:5:27:",
                "Tests/dtiTests/Fixtures/broken/long-problems.csv:6:29:",
                "Tests/dtiTests/Fixtures/broken/long-problems.csv:7:28:",
                "Tests/dtiTests/Fixtures/broken/schema-problem.xml:4:",
                "Tests/dtiTests/Fixtures/broken/wrong-framework.csv:1:10:",
                "Tests/dtiTests/Fixtures/broken/wrong-framework.csv:1:20:",
            ])
        #expect(lines.last == "9 errors, 0 warnings in 3 files")
    }

    @Test func theSampleDataAndExamplesAreClean() throws {
        for folder in ["SampleData", "SampleData/examples"] {
            let run = try E2E.run(["validate", folder], database: E2E.temporaryDatabase())
            #expect(run.status == 0, "\(folder): \(run.stdout)")
            #expect(run.stdout.hasPrefix("0 errors, 0 warnings"))
        }
        let components = try E2E.run(
            ["validate", "--catalogue", "Indicators/illustrative/dti-2022-components.yaml", "SampleData/components"],
            database: E2E.temporaryDatabase())
        #expect(components.status == 0, "\(components.stdout)")
    }

    @Test func githubFormatPrintsWorkflowAnnotations() throws {
        let run = try E2E.run(
            ["validate", "--format", "github", "Tests/dtiTests/Fixtures/broken/schema-problem.xml"], database: E2E.temporaryDatabase())
        #expect(run.status == 1)
        #expect(
            run.stdout.hasPrefix(
                "::error file=Tests/dtiTests/Fixtures/broken/schema-problem.xml,line=4,title=dti validate::schema: Element 'value': The attribute 'indicator' is required but missing;"
            ))
    }

    @Test func jsonFormatParses() throws {
        let run = try E2E.run(["validate", "--format", "json", "Tests/dtiTests/Fixtures/broken"], database: E2E.temporaryDatabase())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 9)
        #expect((object["diagnostics"] as? [[String: Any]])?.first?["line"] as? Int == 2)
        // Each diagnostic says its kind by a stable key; the message stays English in every language.
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.allSatisfy { ($0["key"] as? String)?.isEmpty == false })
        let vietnamese = try E2E.run(
            ["validate", "--format", "json", "--lang", "vi", "Tests/dtiTests/Fixtures/broken"], database: E2E.temporaryDatabase())
        #expect(vietnamese.stdout == run.stdout)
        #expect(diagnostics.contains { $0["key"] as? String == "unit.unknown" })
    }

    @Test func aFailedImportLeavesTheDatabaseByteForByteUnchanged() throws {
        let database = E2E.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        #expect(try E2E.run(["import", "SampleData/dti-2022.csv"], database: database).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let failed = try E2E.run(["import", "SampleData/dti-2023.csv", "Tests/dtiTests/Fixtures/broken/long-problems.csv"], database: database)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("nothing was imported"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func replaceKeepsHistoryAndHistoryShowsBothFiles() throws {
        let database = E2E.temporaryDatabase()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dti-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: database)
            try? FileManager.default.removeItem(at: folder)
        }
        let revised = folder.appendingPathComponent("revised.csv").path
        try "province,year,indicator,value\nĐà Nẵng,2022,awareness,0.95\n".write(toFile: revised, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["import", "SampleData/dti-2022.csv"], database: database).status == 0)
        let refused = try E2E.run(["import", revised], database: database)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(revised):2 (sha256 "))
        #expect(refused.stderr.contains("has 0.95, but 1 is stored from SampleData/dti-2022.csv:253 (sha256 e87d0be06b56, imported "))
        let replaced = try E2E.run(["import", "--replace", revised], database: database)
        #expect(replaced.stdout.contains("0 new, 0 unchanged, 1 replaced"))
        let history = try E2E.run(["history", "Da Nang", "--year", "2022", "--indicator", "awareness"], database: database)
        let rows = history.stdout.split(separator: "\n").filter { $0.hasPrefix("awareness") }
        #expect(rows.count == 2)
        #expect(rows[0].contains("SampleData/dti-2022.csv:253") && rows[0].contains("by \(revised)"))
        #expect(rows[1].contains("\(revised):2") && rows[1].hasSuffix("current"))
    }
}
