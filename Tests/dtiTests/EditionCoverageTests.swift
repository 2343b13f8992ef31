import DTIStorage
import Foundation
import Testing
import XLSX

/// Editions cannot be mixed up: a template knows its edition and units, a file spanning editions
/// and a province left out are said before anything is stored, a blank file is an error, and an
/// edition ranked with few units says so.
struct EditionCoverageTests {
    typealias E2E = EndToEndTests

    static func scratch() throws -> URL { try UnitSetTests.scratch() }

    /// Makes a template with `arguments`, fills it as a spreadsheet program would (every sheet
    /// kept, the hidden one hidden), letting `edit` change each data row, and writes it to `out`.
    static func fillTemplate(
        _ arguments: [String], database: String, out: URL, edit: (_ row: inout [OutputCell]) -> Void = { $0[6] = .number(0.5, .general) }
    ) throws {
        let template = out.deletingLastPathComponent().appendingPathComponent("blank-\(out.lastPathComponent)")
        let made = try E2E.run(["template", "--lang", "en"] + arguments + ["--out", template.path], database: database)
        #expect(made.status == 0, "\(made.stderr)")
        let workbook = try Workbook(bytes: [UInt8](try Data(contentsOf: template)))
        var sheets: [Worksheet] = []
        for name in workbook.sheetNames {
            let sheet = try workbook.sheet(named: name)
            let lastRow = sheet.cells.map(\.reference.row).max() ?? 0
            let lastColumn = sheet.cells.map(\.reference.column).max() ?? 0
            var rows: [[OutputCell]] = Array(repeating: Array(repeating: .empty, count: lastColumn), count: lastRow)
            for cell in sheet.cells {
                switch cell.value {
                case let .text(text): rows[cell.reference.row - 1][cell.reference.column - 1] = .text(text)
                case let .number(number): rows[cell.reference.row - 1][cell.reference.column - 1] = .number(number, .general)
                default: break
                }
            }
            if name != "dti-template", let header = rows.firstIndex(where: { [.text("province"), .text("unit"), .text("Tỉnh")].contains($0.first) }) {
                for index in (header + 1)..<rows.count { edit(&rows[index]) }
            }
            sheets.append(Worksheet(name: name, rows: rows, isHidden: name == "dti-template"))
        }
        try Data(WorkbookWriter.bytes(sheets)).write(to: out)
    }

    @Test func aRowOfAnotherYearInATemplateIsAnErrorAtItsCell() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import"] + E2E.sampleFiles, database: database).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let filled = scratch.appendingPathComponent("filled.xlsx")
        var row = 0
        try Self.fillTemplate(["--year", "2024"], database: database, out: filled) { cells in
            row += 1
            cells[6] = .number(0.5, .general)
            if row == 10 { cells[1] = .number(2023, .general) }
        }
        for command in ["validate", "import"] {
            let run = try E2E.run([command, filled.path], database: database)
            #expect(run.status == 1, "\(command): \(run.stdout)\(run.stderr)")
            #expect(
                (run.stdout + run.stderr).contains(
                    "filled.xlsx:'DTI 2024'!B13: error: year 2023 is not 2024, the edition this workbook was made for by 'dti template'"),
                "\(run.stdout)\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before, "nothing was stored")
    }

    @Test func aProvinceLeftOutIsNamedAndStrictMakesItAnError() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let filled = scratch.appendingPathComponent("filled.xlsx")
        try Self.fillTemplate(["--year", "2024"], database: database, out: filled) { cells in
            if cells.first == .text("Cà Mau") {
                cells = cells.map { _ in .empty }
            } else {
                cells[6] = .number(0.5, .general)
            }
        }
        let run = try E2E.run(["validate", filled.path], database: database)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("filled.xlsx: warning: Cà Mau (96): no values for 2024 in these files"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("0 errors, 1 warning in 1 file\n"), "\(run.stdout)")
        let strict = try E2E.run(["import", "--strict", filled.path], database: database)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: Cà Mau (96): no values for 2024"), "\(strict.stderr)")
    }

    @Test func aBlankTemplateIsAnErrorNamingItsEmptyColumn() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let blank = scratch.appendingPathComponent("blank.xlsx")
        #expect(try E2E.run(["template", "--year", "2024", "--lang", "en", "--out", blank.path], database: database).status == 0)
        let run = try E2E.run(["import", blank.path], database: database)
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "\(blank.path):'DTI 2024'!G4: error: the file gives no values: its value column (G) is empty in all 504 rows; fill in the values"),
            "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 3, "one sentence, not a note per empty cell: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func aFileSpanningEditionsIsToldAndReplaceListsWhatItReplaced() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        #expect(try E2E.run(["import"] + E2E.sampleFiles, database: database).status == 0)
        let file = scratch.appendingPathComponent("mixed.csv")
        try "province,year,indicator,value\nHà Nội,2024,awareness,0.91\nHải Phòng,2024,awareness,0.92\nĐà Nẵng,2023,awareness,0.93\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try E2E.run(["import", "--replace", file.path], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("mixed.csv:4: note: the file gives values for 2 editions: 2023: 1 value (from line 4); 2024: 2 values (from line 2)"),
            "\(run.stderr)")
        #expect(run.stdout.contains("  2023: replaced 1 value: Đà Nẵng (48) awareness "), "\(run.stdout)")
        #expect(run.stdout.contains("  2024: replaced 2 values: Hà Nội (01) awareness "), "\(run.stdout)")
        #expect(run.stdout.contains(" → 0.93") && run.stdout.contains(" → 0.91"), "\(run.stdout)")

        let only = try E2E.run(["import", "--year", "2024", file.path], database: database)
        #expect(only.status == 1)
        #expect(only.stderr.contains("mixed.csv:4:9: error: year 2023 differs from --year 2024"), "\(only.stderr)")
    }

    @Test func anEditionRankedWithFewUnitsSaysSoOnEveryOutput() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let file = scratch.appendingPathComponent("two.csv")
        let ids = UnitSetTests.indicators2024
        try
            (["province,year," + ids.joined(separator: ",")]
            + ["Hà Nội", "Bắc Ninh"].map { "\($0),2024," + ids.map { _ in "0.6" }.joined(separator: ",") })
            .joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["import", file.path], database: database).status == 0)
        let notice = "ONLY 2 OF 63 UNITS HAVE VALUES for this edition"
        for format in ["table", "csv", "json", "markdown"] {
            let run = try E2E.run(["rank", "--year", "2024", "--format", format], database: database)
            // A CSV says its notices beside the file, and keeps their codes in every row.
            let said = format == "csv" ? run.stderr : run.stdout
            #expect(run.status == 0 && said.contains(notice), "\(format): \(run.stdout.prefix(400))")
            if format == "csv" { #expect(run.stdout.contains("few-units-with-values")) }
        }
        let out = scratch.appendingPathComponent("report")
        #expect(try E2E.run(["report", "--year", "2024", "--out", out.path, "--lang", "en"], database: database).status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("national.html"), encoding: .utf8).contains(notice))
        let vi = try E2E.run(["rank", "--year", "2024", "--lang", "vi"], database: database)
        #expect(vi.stdout.contains("CHỈ 2 TRÊN 63 ĐƠN VỊ CÓ SỐ LIỆU"), "\(vi.stdout.prefix(600))")
    }

    @Test func theNationalCommuneTemplateImportsAsFilledIn() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = scratch.appendingPathComponent("history.sqlite").path
        let filled = scratch.appendingPathComponent("communes.xlsx")
        try Self.fillTemplate(["--year", "2025", "--units", "communes"], database: database, out: filled)
        let wrong = try E2E.run(["import", filled.path], database: database)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("this workbook was made by 'dti template' for the 2025 edition"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("import it with --units communes"), "\(wrong.stderr)")
        let run = try E2E.run(["import", "--units", "communes", filled.path], database: database)
        #expect(run.status == 0, "\(run.stderr.prefix(800))")
        #expect(run.stdout.hasPrefix("Imported 19,926 values for 2025"), "\(run.stdout)")
    }
}
