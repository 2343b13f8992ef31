import Foundation
import Testing

/// A unit set has an identity: the units recorded when its values were imported. Another file of
/// the same name, or the same file edited, is noticed; values of units a file drops are reported
/// on every output that ranks the set and stay reachable through `history`.
struct UnitSetIdentityTests {
    typealias E2E = EndToEndTests

    static let ids = UnitSetTests.indicators2024

    /// A scratch folder with `districts.csv` (D1–D3 of Bắc Ninh) and their values imported.
    static func imported() throws -> (scratch: URL, database: String, unitFile: String) {
        let scratch = try UnitSetTests.scratch()
        let rows = (1...3).map { unit in "D\(unit),2024," + ids.map { _ in "0.\(4 + unit)" }.joined(separator: ",") }
        let (unitFile, database) = try UnitSetTests.importWithUnitFile(
            "districts.csv", units: "code,name,parent\nD1,Quận Một,24\nD2,Quận Hai,24\nD3,Quận Ba,24\n",
            values: (["unit,year," + ids.joined(separator: ",")] + rows).joined(separator: "\n"), in: scratch)
        return (scratch, database, unitFile)
    }

    @Test func anotherFileOfTheSameNameIsRefusedNotRelabelled() throws {
        let (scratch, database, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let other = scratch.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let otherFile = other.appendingPathComponent("districts.csv").path
        try "code,name,parent\nD1,Phường Khác,01\nD2,Phường Nữa,01\n".write(toFile: otherFile, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for command in [["rank"], ["report", "--out", scratch.appendingPathComponent("r").path], ["sensitivity", "--runs", "10"]] {
            let run = try E2E.run(command + ["--year", "2024", "--units", otherFile], database: database)
            #expect(run.status == 1, "\(command): \(run.stdout)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("\(otherFile) is not the list of units recorded for the set 'districts'"), "\(run.stderr)")
            #expect(run.stderr.contains("D3 Quận Ba removed; D1 renamed from 'Quận Một' to 'Phường Khác'"), "\(run.stderr)")
            #expect(run.stderr.contains("give the file another name"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func unitsAddedAreANoteAndUnitsDroppedAreReportedEverywhere() throws {
        let (scratch, database, unitFile) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "code,name,parent\nD1,Quận Một,24\nD2,Quận Hai,24\nD3,Quận Ba,24\nD4,Quận Bốn,24\n".write(
            toFile: unitFile, atomically: true, encoding: .utf8)
        let grown = try E2E.run(["rank", "--year", "2024", "--units", unitFile], database: database)
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(
            grown.stderr
                == "note: districts.csv differs from the units recorded for the set 'districts' (\(try Self.recordedAt(grown.stderr))): D4 Quận Bốn added\n"
        )

        // D3 leaves, D1 is renamed: refused until the new list is recorded.
        try "code,name,parent\nD1,Phường Một,24\nD2,Quận Hai,24\n".write(toFile: unitFile, atomically: true, encoding: .utf8)
        let refused = try E2E.run(["rank", "--year", "2024", "--units", unitFile], database: database)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("'dti import --units \(unitFile) --update-units'"), "\(refused.stderr)")
        let recorded = try E2E.run(["import", "--units", unitFile, "--update-units"], database: database)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.hasPrefix("Recorded the new list of 2 units for the set 'districts'"), "\(recorded.stdout)")

        let notice = "8 stored values belong to 1 unit that the unit set no longer lists (D3 Quận Ba): not ranked"
        for format in ["table", "csv", "json", "markdown"] {
            let run = try E2E.run(["rank", "--year", "2024", "--units", unitFile, "--format", format], database: database)
            // A CSV says its notices beside the file and keeps their codes in every row.
            let said = format == "csv" ? run.stderr : run.stdout
            #expect(run.status == 0 && said.contains(notice), "\(format): \(run.stdout.prefix(600))\(run.stderr)")
            if format == "csv" { #expect(run.stdout.contains("values-outside-unit-set")) }
            #expect(run.stdout.contains("Phường Một"))
        }
        let out = scratch.appendingPathComponent("report")
        #expect(try E2E.run(["report", "--year", "2024", "--units", unitFile, "--out", out.path, "--lang", "en"], database: database).status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("national.md"), encoding: .utf8).contains(notice))

        let history = try E2E.run(["history", "D3", "--units", unitFile, "--year", "2024"], database: database)
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.hasPrefix("Quận Ba (D3), 2024"), "\(history.stdout)")
        #expect(history.stdout.split(separator: "\n").filter { $0.contains("values.csv") }.count == 8)
        #expect(history.stderr.contains("Quận Ba (D3) is no longer in units of districts.csv"))
    }

    /// The time the note quotes (the import's own).
    static func recordedAt(_ note: String) throws -> String {
        let start = try #require(note.range(of: "'districts' ("))
        let end = try #require(note.range(of: "): ", range: start.upperBound..<note.endIndex))
        return String(note[start.upperBound..<end.lowerBound])
    }
}
