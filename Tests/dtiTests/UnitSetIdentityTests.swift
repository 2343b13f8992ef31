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

    /// Values for `codes` of the 2024 indicators, every value `share`.
    static func values(_ codes: [String], share: String = "0.5") -> String {
        (["unit,year," + ids.joined(separator: ",")] + codes.map { "\($0),2024," + ids.map { _ in share }.joined(separator: ",") })
            .joined(separator: "\n") + "\n"
    }

    /// A retired unit's code given to a new unit would rank the retired unit's values under the
    /// new name: refused, on import and on reading, until the user says the new unit continues it.
    @Test func aRetiredCodeIsNotReusedWithoutTheUsersWord() throws {
        let (scratch, database, unitFile) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "code,name,parent\nD1,Quận Một,24\nD3,Quận Ba,24\n".write(toFile: unitFile, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["import", "--units", unitFile, "--update-units"], database: database).status == 0)

        try "code,name,parent\nD1,Quận Một,24\nD2,Zeta,24\nD3,Quận Ba,24\n".write(toFile: unitFile, atomically: true, encoding: .utf8)
        let newValues = scratch.appendingPathComponent("zeta.csv").path
        try Self.values(["D1"]).write(toFile: newValues, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for command in [
            ["import", "--units", unitFile, newValues], ["rank", "--year", "2024", "--units", unitFile],
            ["import", "--units", unitFile, "--update-units"],
        ] {
            let run = try E2E.run(command, database: database)
            #expect(run.status == 1, "\(command): \(run.stdout)")
            #expect(run.stderr.contains("gives the code 'D2' to 'Zeta', but D2 was 'Quận Hai', a unit retired from the set"), "\(run.stderr)")
            #expect(run.stderr.contains("--update-units --continues D2"), "\(run.stderr)")
            #expect(!run.stdout.contains("Zeta"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try E2E.run(["import", "--units", unitFile, "--continues", "D2", newValues], database: database).status == 64)

        // Said explicitly: the new unit continues the old one, and its values are Zeta's.
        let continued = try E2E.run(["import", "--units", unitFile, "--update-units", "--continues", "D2"], database: database)
        #expect(continued.status == 0, "\(continued.stderr)")
        let ranked = try E2E.run(["rank", "--year", "2024", "--units", unitFile, "--format", "csv"], database: database)
        #expect(ranked.status == 0 && ranked.stdout.contains("D2,Zeta"), "\(ranked.stdout)\(ranked.stderr)")
    }

    /// Two imports of one set's values, each with its own list of the same codes, into one fresh
    /// database at once: the lists are compared inside the write transaction, so the second sees
    /// the first's record and refuses; never do both land.
    @Test func twoConflictingImportsAtOnceNeverBothLand() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [(units: String, values: String)] = []
        for (side, names) in [("a", ["Quận Một", "Quận Hai"]), ("b", ["Phường Khác", "Phường Nữa"])] {
            let folder = scratch.appendingPathComponent(side)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let units = folder.appendingPathComponent("districts.csv").path
            let values = folder.appendingPathComponent("values.csv").path
            try "code,name,parent\nD1,\(names[0]),24\nD2,\(names[1]),24\n".write(toFile: units, atomically: true, encoding: .utf8)
            try Self.values(["D1", "D2"]).write(toFile: values, atomically: true, encoding: .utf8)
            files.append((units, values))
        }
        let pairs = files
        for round in 0..<20 {
            let database = scratch.appendingPathComponent("round-\(round).sqlite").path
            let results = ConcurrencyTests.Results(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                results.set(side, try? E2E.run(["import", "--units", pairs[side].units, pairs[side].values], database: database))
            }
            let runs = results.all
            let landed = runs.filter { $0?.status == 0 }.count
            #expect(landed == 1, "round \(round): \(runs.map { "\($0?.status ?? -1) \($0?.stderr ?? "did not run")" })")
            #expect(runs.contains { $0?.status == 1 && $0?.stderr.contains("is not the list of units recorded for the set 'districts'") == true })
        }
    }

    /// Parents read against another province list: 24 is Bắc Ninh among the 34 and Bắc Giang
    /// among the 63, so a file that flips lists moves every unit, even those whose code is the same.
    @Test func parentsReadAgainstAnotherListAreAChangeOfEveryUnit() throws {
        let (scratch, database, unitFile) = try Self.imported()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // 17 (Hòa Bình) is a province among the 63 only, so the added D4 flips the file to the 63.
        try "code,name,parent\nD1,Quận Một,24\nD2,Quận Hai,24\nD3,Quận Ba,24\nD4,Quận Bốn,17\n".write(
            toFile: unitFile, atomically: true, encoding: .utf8)
        let run = try E2E.run(["rank", "--year", "2024", "--units", unitFile], database: database)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(
            run.stderr.contains("parents read among the 63 provinces before 1 July 2025 (recorded: among the 34 provinces of 1 July 2025)"),
            "\(run.stderr)")
        #expect(run.stderr.contains("D1 Quận Một moved") == false)
    }

    /// Names of one province that differ only in diacritics are told apart by their exact
    /// spelling (the official list has such pairs), also with the province the ambiguity message
    /// suggests; names that differ only in case or spacing cannot be, and are refused at their cells.
    @Test func namesThatFoldTogetherInOneProvinceAreToldApartOrRefused() throws {
        let scratch = try UnitSetTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let unitFile = scratch.appendingPathComponent("wards.csv").path
        let database = scratch.appendingPathComponent("h.sqlite").path
        try "code,name,parent\nW1,Phường Đông,01\nW2,Phuong Dong,01\nW3,Phường Đông,24\nW4,Văn Lăng,01\nW5,Văn Lang,01\nW6,phường  đông,01\n"
            .write(toFile: unitFile, atomically: true, encoding: .utf8)
        let values = scratch.appendingPathComponent("values.csv").path
        try Self.values(["W1"]).write(toFile: values, atomically: true, encoding: .utf8)
        let refused = try E2E.run(["validate", "--units", unitFile, values], database: database)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "wards.csv:7:4: error: the name 'phường  đông' of unit 'W6' is that of another unit of Hà Nội (line 2), but for case or spacing"),
            "\(refused.stderr)")
        #expect(!["'W2'", "'W3'", "'W5'"].contains { refused.stderr.contains($0) }, "\(refused.stderr)")

        try "code,name,parent\nW1,Phường Đông,01\nW2,Phuong Dong,01\nW3,Phường Đông,24\nW4,Văn Lăng,01\nW5,Văn Lang,01\n".write(
            toFile: unitFile, atomically: true, encoding: .utf8)
        let named =
            (["unit,year," + Self.ids.joined(separator: ",")]
            + [("Phường Đông (Hà Nội)", "0.1"), ("Phuong Dong", "0.2"), ("Văn Lăng", "0.3"), ("Văn Lang", "0.4")].map { name, share in
                "\(name),2024," + Self.ids.map { _ in share }.joined(separator: ",")
            }).joined(separator: "\n")
        try named.write(toFile: values, atomically: true, encoding: .utf8)
        let imported = try E2E.run(["import", "--units", unitFile, values], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        let ranked = try E2E.run(["rank", "--year", "2024", "--units", unitFile, "--format", "csv"], database: database)
        for (code, dti) in [("W1", "0.1"), ("W2", "0.2"), ("W4", "0.3"), ("W5", "0.4")] {
            #expect(ranked.stdout.split(separator: "\n").contains { $0.contains(",\(code),") && $0.contains(",\(dti)") }, "\(code): \(ranked.stdout)")
        }
    }
}
