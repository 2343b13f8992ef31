import DTICore
import DTIStorage
import Foundation
import TestSupport
import Testing
import XLSX

/// The Excel path as a user takes it: import workbooks, write results and templates as
/// workbooks, and refuse hostile ones without touching the database.
struct ExcelCommandTests {
    typealias E2E = EndToEndTests
    static let fixtures = "Tests/dtiTests/Fixtures/xlsx/"

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dti-excel-\(UUID().uuidString)-\(name)")
    }

    /// What the database holds, less where it came from (which names the file).
    static func stored(_ database: String, year: Int = 2022) throws -> [String] {
        try HistoryStore(path: database).observations(year: year).map {
            "\($0.year) \($0.unitCode) \($0.indicatorID) \($0.value) \($0.provenance.source ?? "-") \($0.provenance.note ?? "-") \($0.provenance.status?.rawValue ?? "-")"
        }
    }

    @Test(arguments: ["openpyxl-long.xlsx", "libreoffice-long.xlsx", "libreoffice-formulas.xlsx"])
    func aWorkbookImportsToTheSameDatabaseContentAsItsCSV(name: String) throws {
        let fromCSV = E2E.temporaryDatabase()
        let fromWorkbook = E2E.temporaryDatabase()
        defer { for path in [fromCSV, fromWorkbook] { try? FileManager.default.removeItem(atPath: path) } }
        let csv = try E2E.run(["import", Self.fixtures + "equivalent-2022.csv"], database: fromCSV)
        let workbook = try E2E.run(["import", Self.fixtures + name], database: fromWorkbook)
        #expect(csv.status == 0 && workbook.status == 0, "\(workbook.stderr)")
        #expect(workbook.stdout.contains("Imported 32 values for 2022"))
        #expect(try Self.stored(fromWorkbook) == (try Self.stored(fromCSV)))
        #expect(try Self.stored(fromWorkbook).count == 32)
    }

    @Test func historyNamesTheSheetAndCellAValueCameFrom() throws {
        let database = E2E.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try E2E.run(["import", Self.fixtures + "openpyxl-long.xlsx"], database: database)
        let history = try E2E.run(["history", "Bắc Ninh", "--year", "2022"], database: database)
        #expect(history.stdout.contains("openpyxl-long.xlsx:'Dữ liệu'!D12"), "\(history.stdout)")
    }

    /// Each hostile workbook: exit 1, its sentence, and the database file byte for byte as before.
    @Test(arguments: [
        ("zip-bomb.xlsx", "inflates to more than 64 MiB"),
        ("zip-bomb-lying-size.xlsx", "inflates to more than 64 MiB"),
        ("path-traversal.xlsx", "entry named '../../evil.sh', which points outside the archive"),
        ("encrypted.xlsx", "the workbook is password-protected (encrypted)"),
        ("old-binary.xls", "this is an Excel 97–2003 workbook (.xls)"),
        ("corrupt.xlsx", "the workbook is damaged and cannot be read"),
        ("last-row.xlsx", "sheet 'Data' uses row 1048576, beyond the 250000 rows"),
        ("billion-laughs.xlsx", "declares a DOCTYPE or entities"),
        ("external-entity.xlsx", "declares a DOCTYPE or entities"),
        ("not-a-zip.xlsx", "this is not an Excel workbook"),
        ("formula-without-value.xlsx", "Data!D2: error: the cell holds the formula =0.5+0.0789 but no saved result"),
    ])
    func aHostileWorkbookIsRefusedInOneSentenceAndTheDatabaseIsUnchanged(name: String, sentence: String) throws {
        let database = E2E.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: database) }
        _ = try E2E.run(["import", Self.fixtures + "equivalent-2022.csv"], database: database)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let run = try E2E.run(["import", Self.fixtures + name], database: database)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(sentence), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was imported"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func rankAsAWorkbookHasNumbersNamesAndTheSampleNotice() throws {
        let database = E2E.temporaryDatabase()
        let out = Self.temporaryFile("rank.xlsx")
        defer { for path in [database, out.path] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        let run = try E2E.run(["rank", "--year", "2022", "--format", "xlsx", "--out", out.path, "--lang", "vi"], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = [UInt8](try Data(contentsOf: out))
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheetNames == ["Xếp hạng 2022"])
        let cells = Dictionary(uniqueKeysWithValues: try workbook.sheet().cells.map { ($0.reference.description, $0.value) })
        #expect(cells["A2"] == .text("! DỮ LIỆU MẪU: các giá trị là tổng hợp để minh hoạ, không phải kết quả DTI chính thức."))
        #expect(cells["A4"] == .text("Hạng"))
        #expect(cells["A5"] == .number(1))
        #expect(cells["C5"] == .text("Đà Nẵng"))
        #expect(cells["D5"] == .number(0.800175))

        // The same results give the same bytes.
        let again = Self.temporaryFile("rank-again.xlsx")
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try E2E.run(["rank", "--year", "2022", "--format", "xlsx", "--out", again.path, "--lang", "vi"], database: database)
        #expect(try Data(contentsOf: again) == Data(bytes))

        let refused = try E2E.run(["rank", "--year", "2022", "--format", "xlsx"], database: database)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("an .xlsx workbook is not text: give '--out FILE.xlsx'"))
    }

    @Test func compareAsAWorkbookHasASheetForValuesAndOneForRanks() throws {
        let database = E2E.temporaryDatabase()
        let out = Self.temporaryFile("compare.xlsx")
        defer { for path in [database, out.path] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        let run = try E2E.run(
            ["compare", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc", "--year", "2022", "--format", "xlsx", "--out", out.path], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        let workbook = try Workbook(bytes: [UInt8](try Data(contentsOf: out)))
        #expect(workbook.sheetNames == ["Values", "Ranks"])
        let ranks = Dictionary(uniqueKeysWithValues: try workbook.sheet(named: "Ranks").cells.map { ($0.reference.description, $0.value) })
        #expect(ranks["C4"] == .text("Bắc Ninh"))
        guard case .number? = ranks["C5"] else {
            Issue.record("a rank is a number, got \(String(describing: ranks["C5"]))")
            return
        }
    }

    /// `template` → filled in (here by reading the workbook and writing it back with values, as a
    /// spreadsheet program would) → `import`: the values arrive, with no edit to the file.
    @Test func aFilledTemplateImportsAsItIs() throws {
        let database = E2E.temporaryDatabase()
        let template = Self.temporaryFile("template.xlsx")
        let filled = Self.temporaryFile("filled.xlsx")
        defer { for path in [database, template.path, filled.path] { try? FileManager.default.removeItem(atPath: path) } }
        let made = try E2E.run(["template", "--year", "2022", "--unit", "Bắc Ninh", "--out", template.path, "--lang", "vi"], database: database)
        #expect(made.status == 0, "\(made.stderr)")

        let sheet = try Workbook(bytes: [UInt8](try Data(contentsOf: template))).sheet()
        let lastRow = sheet.cells.map(\.reference.row).max() ?? 0
        let lastColumn = sheet.cells.map(\.reference.column).max() ?? 0
        var rows: [[OutputCell]] = Array(repeating: Array(repeating: .empty, count: lastColumn), count: lastRow)
        for cell in sheet.cells {
            let row = cell.reference.row - 1
            let column = cell.reference.column - 1
            switch cell.value {
            case let .text(text): rows[row][column] = .text(text)
            case let .number(number): rows[row][column] = .number(number, .general)
            default: Issue.record("unexpected cell \(cell)")
            }
        }
        let header = try #require(rows.firstIndex { $0.first == .text("Tỉnh") })
        var filledValues: [Double] = []
        for index in (header + 1)..<rows.count {
            let value = 0.5 + Double(index) / 100
            rows[index][6] = .number(value, .general)
            filledValues.append(value)
        }
        try Data(WorkbookWriter.bytes([Worksheet(name: sheet.name, rows: rows)])).write(to: filled)

        let imported = try E2E.run(["import", filled.path], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        let stored = try HistoryStore(path: database).observations(year: 2022)
        #expect(stored.count == 9)
        #expect(Set(stored.map(\.unitCode)) == ["27"])
        #expect(stored.map(\.value).sorted() == filledValues.sorted())
    }

    @Test func aFilledCSVTemplateImportsAsItIs() throws {
        let database = E2E.temporaryDatabase()
        let filled = Self.temporaryFile("filled.csv")
        defer { for path in [database, filled.path] { try? FileManager.default.removeItem(atPath: path) } }
        let made = try E2E.run(["template", "--year", "2024", "--unit", "Hà Nội", "--format", "csv", "--lang", "en"], database: database)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("! PROVISIONAL FRAMEWORK"))
        // Fill the value column (7th) of every data row with 0.5.
        let lines = made.stdout.split(separator: "\n").map { line -> String in
            guard line.hasPrefix("Hà Nội,") else { return String(line) }
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[6] = "0.5"
            return cells.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: filled, atomically: true, encoding: .utf8)
        let imported = try E2E.run(["import", filled.path], database: database)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        #expect(try HistoryStore(path: database).observations(year: 2024).allSatisfy { $0.value == 0.5 && $0.unitCode == "01" })
    }

    /// LibreOffice opens what dti writes, as an analyst's spreadsheet program would. CI installs
    /// it and sets `DTI_CI`, so there the test always runs (and fails if LibreOffice is missing);
    /// elsewhere it runs where LibreOffice is installed.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") || ProcessInfo.processInfo.environment["DTI_CI"] != nil))
    func libreOfficeOpensTheWorkbooksDtiWrites() throws {
        let database = E2E.temporaryDatabase()
        let folder = Self.temporaryFile("lo")
        defer { for path in [database, folder.path] { try? FileManager.default.removeItem(atPath: path) } }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try E2E.run(["import"] + E2E.sampleFiles, database: database)
        _ = try E2E.run(["rank", "--year", "2022", "--format", "xlsx", "--out", folder.appendingPathComponent("rank.xlsx").path], database: database)
        _ = try E2E.run(
            ["template", "--year", "2022", "--lang", "en", "--out", folder.appendingPathComponent("template.xlsx").path], database: database)
        for name in ["rank", "template"] {
            let converted = try ProcessRunner.run(
                URL(fileURLWithPath: "/usr/bin/soffice"),
                [
                    "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path, "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder.path, folder.appendingPathComponent("\(name).xlsx").path,
                ])
            #expect(converted.status == 0, "\(String(decoding: converted.stderr, as: UTF8.self))")
        }
        let rank = try String(contentsOf: folder.appendingPathComponent("rank.csv"), encoding: .utf8)
        #expect(rank.contains("1,48,Đà Nẵng,0.8002"), "\(rank.prefix(600))")
        let template = try String(contentsOf: folder.appendingPathComponent("template.csv"), encoding: .utf8)
        #expect(template.split(separator: "\n").count == 2 + 63 * 9)
    }
}
